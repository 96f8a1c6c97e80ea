import type { OrganisationSnapshot, OrganisationSummary, OrganisationView } from '@psc/contracts/socialorg';
import type { Organisation, StoredContact } from './organisation.model';

/** The organisation as its staff and the registry see it; `maskedPhone` gives each contact's masked number. */
export function organisationView(
  org: Organisation,
  maskedPhone: (contact: StoredContact) => string,
): OrganisationView {
  return {
    ...organisationSummary(org),
    revision: org.revision,
    creditCode: org.creditCode,
    filingNo: org.filingNo,
    fields: org.fields,
    address: org.address,
    foundedOn: org.foundedOn,
    description: org.description,
    contacts: org.contacts.map((c) => ({
      contactId: c._id,
      name: c.name,
      role: c.role,
      phone: maskedPhone(c),
      addedAt: c.addedAt.toISOString(),
    })),
    registeredAt: org.registeredAt.toISOString(),
    history: org.history,
  };
}

export const organisationSummary = (org: Organisation): OrganisationSummary => ({
  orgId: org._id,
  name: org.name,
  registration: org.registration,
  type: org.type,
  centreId: org.centreId,
  streetId: org.streetId,
  partyBuilding: org.partyBuilding,
});

export const snapshotOf = (org: Organisation): OrganisationSnapshot => ({
  orgId: org._id,
  name: org.name,
  creditCode: org.creditCode,
  centreId: org.centreId,
  streetId: org.streetId,
  registration: org.registration,
  partyBuilding: { kind: org.partyBuilding.kind, formedAt: org.partyBuilding.formedAt },
});
