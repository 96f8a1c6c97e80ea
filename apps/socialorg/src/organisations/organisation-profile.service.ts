import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@psc/auth';
import type {
  ChangePartyBuildingRequest,
  OrganisationView,
  UpdateProfileRequest,
} from '@psc/contracts/socialorg';
import { CLOCK, type Clock } from '@psc/server-kit';
import { shanghaiDay } from '@psc/util';
import { ContactPhonesService } from './contact-phones.service';
import { OrganisationRepository } from './organisation.repository';
import { assertOrgAccess } from './organisation-access';
import {
  assertPartyBuildingChanged,
  entry,
  organisationChanged,
  partyBuildingOf,
  REGISTRY_ADMINS,
} from './organisation-rules';

const MAINTAINERS = ['org_member', ...REGISTRY_ADMINS];

/**
 * What the organisation keeps up to date itself (its administrators may too): name, fields, address and
 * introduction, and its party organisation (党组织覆盖), each change on the record with who made it and why.
 */
@Injectable()
export class OrganisationProfileService {
  constructor(
    private readonly organisations: OrganisationRepository,
    private readonly phones: ContactPhonesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async update(
    orgId: string,
    request: UpdateProfileRequest,
    principal: Principal,
  ): Promise<OrganisationView> {
    const current = await this.organisations.load(orgId);
    assertOrgAccess(principal, current, 'maintain');
    if (request.revision !== current.revision) throw organisationChanged(current);
    const now = this.clock();
    const { revision: _seen, ...profile } = request;
    const saved = await this.organisations.record(current, {
      set: profile,
      entry: entry('update_profile', principal, MAINTAINERS, now),
      events: [
        {
          type: 'socialorg.organisation.profile-updated',
          data: {
            orgId,
            centreId: current.centreId,
            streetId: current.streetId,
            name: request.name,
            by: principal.sub,
            at: now.toISOString(),
          },
        },
      ],
    });
    return this.phones.view(saved);
  }

  async changePartyBuilding(
    orgId: string,
    request: ChangePartyBuildingRequest,
    principal: Principal,
  ): Promise<OrganisationView> {
    const current = await this.organisations.load(orgId);
    assertOrgAccess(principal, current, 'maintain');
    if (request.revision !== current.revision) throw organisationChanged(current);
    const now = this.clock();
    const to = partyBuildingOf(request.partyBuilding, shanghaiDay(now), current.foundedOn);
    assertPartyBuildingChanged(current.partyBuilding, to);
    const saved = await this.organisations.record(current, {
      set: { partyBuilding: to },
      entry: entry('party_building', principal, MAINTAINERS, now, request.reason),
      events: [
        {
          type: 'socialorg.organisation.party-building-changed',
          data: {
            orgId,
            centreId: current.centreId,
            streetId: current.streetId,
            from: current.partyBuilding,
            to,
            reason: request.reason,
            by: principal.sub,
            at: now.toISOString(),
          },
        },
      ],
    });
    return this.phones.view(saved);
  }
}
