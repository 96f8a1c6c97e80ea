import { Injectable } from '@nestjs/common';
import { assertScope, orgsOf, type Principal } from '@psc/auth';
import type { OrganisationSummary, OrganisationView } from '@psc/contracts/socialorg';
import { ContactPhonesService } from './contact-phones.service';
import { OrganisationRepository } from './organisation.repository';
import { assertOrgAccess } from './organisation-access';
import { REGISTRY_READERS } from './organisation-rules';
import { organisationSummary } from './organisation-view';

/** Reading the registry: one organisation, a place's organisations, and the caller's own. */
@Injectable()
export class OrganisationQueriesService {
  constructor(
    private readonly organisations: OrganisationRepository,
    private readonly phones: ContactPhonesService,
  ) {}

  async get(orgId: string, principal: Principal): Promise<OrganisationView> {
    const org = await this.organisations.load(orgId);
    assertOrgAccess(principal, org, 'read');
    return this.phones.view(org);
  }

  async inPlace(scope: string, principal: Principal): Promise<OrganisationSummary[]> {
    assertScope(principal, scope, REGISTRY_READERS);
    return (await this.organisations.inPlace(scope)).map(organisationSummary);
  }

  /** The organisations the caller works for (the portal's 我的组织). */
  async mine(principal: Principal): Promise<OrganisationView[]> {
    const found = await Promise.all(orgsOf(principal).map((id) => this.organisations.find(id)));
    return found.flatMap((org) => (org ? [this.phones.view(org)] : []));
  }
}
