import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@psc/auth';
import { type RegisterOrganisationRequest, streetOf } from '@psc/contracts/socialorg';
import { CLOCK, type Clock } from '@psc/server-kit';
import { shanghaiDay } from '@psc/util';
import { newId, placePath } from '../shared/place';
import type { Organisation } from './organisation.model';
import { OrganisationRepository } from './organisation.repository';
import { assertRegistryAdmin } from './organisation-access';
import { assertNotFuture, entry, identityOf, partyBuildingOf, REGISTRY_ADMINS } from './organisation-rules';
import { ContactPhonesService } from './contact-phones.service';

/** 登记 or 社区备案 of an organisation, by the administrators of the community it belongs to (or above). */
@Injectable()
export class OrganisationRegistrationService {
  constructor(
    private readonly organisations: OrganisationRepository,
    private readonly phones: ContactPhonesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async register(request: RegisterOrganisationRequest, principal: Principal, orgId = newId('org')) {
    assertRegistryAdmin(principal, request.centreId);
    const now = this.clock();
    const today = shanghaiDay(now);
    const identity = identityOf(request);
    assertNotFuture(request.foundedOn, today, '成立日期');
    const partyBuilding = partyBuildingOf(request.partyBuilding, today, request.foundedOn);
    const streetId = streetOf(request.centreId);
    const doc: Organisation = {
      _id: orgId,
      revision: 1,
      ...identity,
      name: request.name,
      registration: request.registration,
      type: request.type,
      fields: request.fields,
      address: request.address,
      foundedOn: request.foundedOn,
      description: request.description,
      centreId: request.centreId,
      streetId,
      placePath: placePath(request.centreId),
      contacts: [],
      partyBuilding,
      registeredAt: now,
      registeredBy: principal.sub,
      history: [entry('register', principal, REGISTRY_ADMINS, now, null)],
    };
    const saved = await this.organisations.create(doc, [
      {
        type: 'socialorg.organisation.registered',
        data: {
          orgId,
          centreId: request.centreId,
          streetId,
          name: request.name,
          registration: request.registration,
          creditCode: identity.creditCode,
          type: request.type,
          partyBuilding,
          by: principal.sub,
          at: now.toISOString(),
        },
      },
    ]);
    return this.phones.view(saved);
  }
}
