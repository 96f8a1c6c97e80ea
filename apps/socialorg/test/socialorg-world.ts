import { orgGrant, type Principal } from '@psc/auth';
import type { RegisterOrganisationRequest } from '@psc/contracts/socialorg';
import { FieldCipher, generateDevKeys } from '@psc/pii';
import { fakeModel, fakeOutbox, manualClock, staff, staffWith } from '@psc/testing/unit';
import type { Model } from 'mongoose';
import { ContactPhonesService } from '../src/organisations/contact-phones.service';
import type { ContactReveal } from '../src/organisations/contact-reveal.model';
import type { Organisation } from '../src/organisations/organisation.model';
import { OrganisationRepository } from '../src/organisations/organisation.repository';
import { OrganisationContactsService } from '../src/organisations/organisation-contacts.service';
import { OrganisationDirectory } from '../src/organisations/organisation-directory.service';
import { OrganisationProfileService } from '../src/organisations/organisation-profile.service';
import { OrganisationQueriesService } from '../src/organisations/organisation-queries.service';
import { OrganisationRegistrationService } from '../src/organisations/organisation-registration.service';

/** The socialorg services over one in-memory store, outbox and clock, as the unit specs share them. */

export const CENTRE = 'sz/futian/xiangmihu/c-001';
export const OTHER_CENTRE = 'sz/nanshan/shekou/c-009';
export const STREET = 'sz/futian/xiangmihu';

export const centreAdmin = staff('centre_admin', CENTRE);
export const streetAdmin = staff('centre_admin', STREET, { sub: 'u-street' });
export const otherAdmin = staff('centre_admin', OTHER_CENTRE, { sub: 'u-other' });
export const counter = staff('counter_staff', CENTRE);

/** A member of staff of organisation `orgId`, as identity's org accounts sign in. */
export const memberOf = (orgId: string, sub = `u-${orgId}`): Principal =>
  staffWith([orgGrant(orgId)], { sub, sessionId: `s-${sub}` });

// made-up codes of 民办非企业单位 in 福田区, with their check characters
export const CODES = ['52440304MJL0001250', '52440304MJL000133T'];

export const registration = (overrides: Partial<RegisterOrganisationRequest> = {}) =>
  ({
    registration: 'registered',
    creditCode: CODES[0],
    centreId: CENTRE,
    name: '香岭社区长者服务中心',
    type: 'service_agency',
    fields: ['elderly'],
    address: '深圳市福田区香岭路 18 号',
    foundedOn: '2021-05-10',
    description: '',
    partyBuilding: { kind: 'none', partyMembers: 1 },
    ...overrides,
  }) as RegisterOrganisationRequest;

/** Monday 2025-03-03, 10:00 in Shanghai, unless a spec starts elsewhere. */
export function socialorgWorld(start = '2025-03-03T02:00:00Z') {
  const clock = manualClock(start);
  const outbox = fakeOutbox('socialorg');
  const cipher = new FieldCipher(generateDevKeys(['so1']));
  const organisationStore = fakeModel<Organisation>([], ['uniqueKey']);
  const revealStore = fakeModel<ContactReveal>();
  const organisations = new OrganisationRepository(
    organisationStore as unknown as Model<Organisation>,
    outbox,
  );
  const phones = new ContactPhonesService(cipher);
  const org = {
    registration: new OrganisationRegistrationService(organisations, phones, clock),
    profile: new OrganisationProfileService(organisations, phones, clock),
    contacts: new OrganisationContactsService(
      organisations,
      phones,
      revealStore as unknown as Model<ContactReveal>,
      outbox,
      clock,
    ),
    queries: new OrganisationQueriesService(organisations, phones),
    directory: new OrganisationDirectory(organisations),
  };

  /** An organisation registered by the centre's administrator. */
  const registered = (overrides: Partial<RegisterOrganisationRequest> = {}) =>
    org.registration.register(registration(overrides), centreAdmin);

  return { clock, outbox, cipher, organisationStore, revealStore, org, registered };
}

export type SocialorgWorld = ReturnType<typeof socialorgWorld>;
