import { Inject, Injectable } from '@nestjs/common';
import { assertScope, assertSelf, type Principal } from '@psc/auth';
import type { CaseAlert, CaseListQuery, CaseProgress, CaseView } from '@psc/contracts/affairs';
import { CLOCK, type Clock } from '@psc/server-kit';
import { CaseRepository } from './case.repository';
import { caseProgress, caseView } from './case-view';
import { standingAlerts } from './sla-alerts';

/** Reading cases: one, a centre's list and alerts for the workbench, a resident's own. */
@Injectable()
export class CaseQueriesService {
  constructor(
    private readonly cases: CaseRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A resident sees their own cases; staff those of the centres they work for. */
  async get(caseNo: string, principal: Principal): Promise<CaseView> {
    const found = await this.cases.load(caseNo);
    if (principal.kind === 'resident') assertSelf(principal, found.residentId);
    else assertScope(principal, found.centreId);
    return caseView(found, this.clock());
  }

  /** The workbench's list: one centre's cases (case.repository.ts says which), due soonest first. */
  async list(query: CaseListQuery, principal: Principal): Promise<CaseView[]> {
    assertScope(principal, query.centreId);
    const now = this.clock();
    const found = await this.cases.ofCentre(query, now);
    return found
      .map((c) => caseView(c, now))
      .filter((c) => !query.sla || c.sla === query.sla)
      .sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'));
  }

  /** The alerts standing for one centre now: what the workbench shows when it opens. */
  async alerts(centreId: string, principal: Principal): Promise<CaseAlert[]> {
    assertScope(principal, centreId);
    const found = await this.cases.running(centreId);
    const now = this.clock();
    return standingAlerts(found.map((c) => caseView(c, now)));
  }

  /** A signed-in resident's own cases, newest first, as progress (no staff names). */
  async mine(principal: Principal): Promise<CaseProgress[]> {
    const found = await this.cases.ofResident(principal.sub);
    const now = this.clock();
    return found.map((c) => caseProgress(c, now));
  }
}
