import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Principal } from '@psc/auth';
import {
  type AddContactRequest,
  CONTACT_ROLES,
  type ContactPhoneView,
  type OrganisationView,
} from '@psc/contracts/socialorg';
import { Outbox } from '@psc/messaging';
import { AppError, CLOCK, type Clock } from '@psc/server-kit';
import type { Model } from 'mongoose';
import type { AccessContext } from '../shared/access-context';
import { actingRole, newId } from '../shared/place';
import { ContactPhonesService } from './contact-phones.service';
import { CONTACT_REVEAL_MODEL, type ContactReveal } from './contact-reveal.model';
import type { Organisation, StoredContact } from './organisation.model';
import { OrganisationRepository } from './organisation.repository';
import { assertOrgAccess } from './organisation-access';
import { entry, REGISTRY_ADMINS, REGISTRY_READERS } from './organisation-rules';

const MAINTAINERS = ['org_member', ...REGISTRY_ADMINS];

/** An organisation's contacts: numbers encrypted at rest, masked when shown, and every full read on the record. */
@Injectable()
export class OrganisationContactsService {
  constructor(
    private readonly organisations: OrganisationRepository,
    private readonly phones: ContactPhonesService,
    @InjectModel(CONTACT_REVEAL_MODEL) private readonly reveals: Model<ContactReveal>,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async add(orgId: string, request: AddContactRequest, principal: Principal): Promise<OrganisationView> {
    const current = await this.organisations.load(orgId);
    assertOrgAccess(principal, current, 'maintain');
    const now = this.clock();
    const contact: StoredContact = {
      _id: newId('ct'),
      name: request.name,
      role: request.role,
      phoneEnc: this.phones.encrypt(orgId, request.phone),
      addedAt: now,
    };
    const contacts = [...current.contacts, contact];
    return this.phones.view(
      await this.organisations.record(current, {
        set: { contacts },
        entry: entry(
          'add_contact',
          principal,
          MAINTAINERS,
          now,
          `${CONTACT_ROLES[request.role]}：${request.name}`,
        ),
        events: [this.changed(current, contact, 'added', principal, now)],
      }),
    );
  }

  async remove(orgId: string, contactId: string, principal: Principal): Promise<OrganisationView> {
    const current = await this.organisations.load(orgId);
    assertOrgAccess(principal, current, 'maintain');
    const contact = this.contactOf(current, contactId);
    const now = this.clock();
    return this.phones.view(
      await this.organisations.record(current, {
        set: { contacts: current.contacts.filter((c) => c._id !== contactId) },
        entry: entry(
          'remove_contact',
          principal,
          MAINTAINERS,
          now,
          `${CONTACT_ROLES[contact.role]}：${contact.name}`,
        ),
        events: [this.changed(current, contact, 'removed', principal, now)],
      }),
    );
  }

  /** The full number. The access is stored and published before the number leaves: no record, no number. */
  async revealPhone(orgId: string, contactId: string, context: AccessContext): Promise<ContactPhoneView> {
    const org = await this.organisations.load(orgId);
    assertOrgAccess(context.principal, org, 'read');
    const contact = this.contactOf(org, contactId);
    const now = this.clock();
    const reveal: ContactReveal = {
      _id: newId('rv'),
      orgId,
      contactId,
      actorId: context.principal.sub,
      actorRole: actingRole(context.principal, ['org_member', ...REGISTRY_READERS]),
      screen: context.screen,
      purpose: context.purpose,
      at: now,
    };
    await this.outbox.create(this.reveals, reveal, [
      {
        type: 'socialorg.organisation.contact-revealed',
        data: {
          orgId,
          centreId: org.centreId,
          streetId: org.streetId,
          contactId,
          auditId: reveal._id,
          role: reveal.actorRole,
          screen: context.screen,
          purpose: context.purpose,
          by: reveal.actorId,
          at: now.toISOString(),
        },
      },
    ]);
    return { contactId, phone: this.phones.decrypt(orgId, contact.phoneEnc) };
  }

  private contactOf(org: Organisation, contactId: string): StoredContact {
    const contact = org.contacts.find((c) => c._id === contactId);
    if (!contact) throw new AppError('SOCIALORG.CONTACT_NOT_FOUND');
    return contact;
  }

  private changed(
    org: Organisation,
    contact: StoredContact,
    change: 'added' | 'removed',
    principal: Principal,
    now: Date,
  ) {
    return {
      type: 'socialorg.organisation.contact-changed' as const,
      data: {
        orgId: org._id,
        centreId: org.centreId,
        streetId: org.streetId,
        contactId: contact._id,
        role: contact.role,
        change,
        by: principal.sub,
        at: now.toISOString(),
      },
    };
  }
}
