import { Injectable } from '@nestjs/common';
import type { OrganisationView } from '@psc/contracts/socialorg';
import { FieldCipher } from '@psc/pii';
import { maskPhone } from '@psc/util';
import type { Organisation } from './organisation.model';
import { phoneContext } from './organisation-rules';
import { organisationView } from './organisation-view';

/** Contact numbers are stored encrypted and leave the service masked, except through the audited read. */
@Injectable()
export class ContactPhonesService {
  constructor(private readonly cipher: FieldCipher) {}

  encrypt(orgId: string, phone: string): string {
    return this.cipher.encrypt(phone, phoneContext(orgId));
  }

  decrypt(orgId: string, phoneEnc: string): string {
    return this.cipher.decrypt(phoneEnc, phoneContext(orgId));
  }

  /** The organisation as answered, every number masked. */
  view(org: Organisation): OrganisationView {
    return organisationView(org, (c) => maskPhone(this.decrypt(org._id, c.phoneEnc)));
  }
}
