import { Inject, Injectable } from '@nestjs/common';
import { assertScope, orgsOf, type Principal } from '@psc/auth';
import type { IncubationSummary, IncubationView } from '@psc/contracts/socialorg';
import { CLOCK, type Clock } from '@psc/server-kit';
import { IncubationRepository } from './incubation.repository';
import { assertIncubationAccess, BASE_ADMINS } from './incubation-access';
import { boardOrder, incubationSummary } from './incubation-view';
import { IncubationViewsService } from './incubation-views.service';

/** One application or stay, a base's review board, and an organisation's own applications. */
@Injectable()
export class IncubationQueriesService {
  constructor(
    private readonly incubations: IncubationRepository,
    private readonly views: IncubationViewsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async get(incubationId: string, principal: Principal): Promise<IncubationView> {
    const inc = await this.incubations.load(incubationId);
    assertIncubationAccess(principal, inc);
    return this.views.view(inc);
  }

  async board(baseId: string, principal: Principal): Promise<IncubationSummary[]> {
    assertScope(principal, baseId, BASE_ADMINS);
    const now = this.clock();
    return (await this.incubations.inPlace(baseId))
      .map((inc) => incubationSummary(inc, now))
      .sort(boardOrder);
  }

  async mine(principal: Principal): Promise<IncubationView[]> {
    const found = await Promise.all(orgsOf(principal).map((orgId) => this.incubations.ofOrganisation(orgId)));
    return Promise.all(found.flat().map((inc) => this.views.view(inc)));
  }
}
