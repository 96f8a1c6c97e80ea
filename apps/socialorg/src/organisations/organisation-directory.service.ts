import { Injectable } from '@nestjs/common';
import type { OrganisationSnapshot } from '@psc/contracts/socialorg';
import { OrganisationRepository } from './organisation.repository';
import { snapshotOf } from './organisation-view';

/**
 * What the rest of socialorg (incubation, calls and applications, subsidies) asks of the registry: who an
 * organisation is, where it belongs and its party organisation. Null for an id the registry does not hold.
 */
@Injectable()
export class OrganisationDirectory {
  constructor(private readonly organisations: OrganisationRepository) {}

  async get(orgId: string): Promise<OrganisationSnapshot | null> {
    const org = await this.organisations.find(orgId);
    return org && snapshotOf(org);
  }
}
