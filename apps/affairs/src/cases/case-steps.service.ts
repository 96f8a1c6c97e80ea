import { Inject, Injectable } from '@nestjs/common';
import { assertScope, type Principal } from '@psc/auth';
import { ACTION_ROLES, type CaseActionRequest, type CaseView } from '@psc/contracts/affairs';
import { AppError, CLOCK, type Clock } from '@psc/server-kit';
import { CaseRepository } from './case.repository';
import { WINDOW_ROLES } from './case-intake';
import { CaseSecrets } from './case-secrets';
import { proxyCompleted, ratingInvited, staffChanges, supplyDeferredStep, transition } from './case-steps';
import { caseView } from './case-view';

/** What staff do to a case after intake: the workflow's steps, and 容缺 materials brought later. */
@Injectable()
export class CaseStepsService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly secrets: CaseSecrets,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** One staff step. `revision` is what they saw; a step someone took in between wins and they are told. */
  async act(caseNo: string, request: CaseActionRequest, principal: Principal): Promise<CaseView> {
    const current = await this.cases.load(caseNo);
    const roles = ACTION_ROLES[request.action];
    if (request.action === 'rate')
      throw new AppError('AUTH.FORBIDDEN', '评价须由申请人在自助终端或通过短信链接完成');
    assertScope(principal, current.centreId, roles as never);
    const now = this.clock();
    const step = transition(current, request.action, request.revision, { principal, roles }, now, {
      ...staffChanges(current, request, now),
      reason: request.reason ?? null,
    });
    if (step.set.state === 'completed')
      step.events.push(...proxyCompleted({ ...current, ...step.set }, request, principal.sub, now));
    if (step.set.state === 'delivered')
      step.events.push(ratingInvited({ ...current, ...step.set }, this.secrets.ratingToken(caseNo)));
    return caseView(await this.cases.record(current, step), this.clock());
  }

  /** The 容缺 materials promised at intake, brought to the window (a trip) or sent. */
  async supplyDeferred(
    caseNo: string,
    revision: number,
    inPerson: boolean,
    principal: Principal,
  ): Promise<CaseView> {
    const current = await this.cases.load(caseNo);
    assertScope(principal, current.centreId, WINDOW_ROLES);
    const step = supplyDeferredStep(current, revision, inPerson, principal, this.clock());
    return caseView(await this.cases.record(current, step), this.clock());
  }
}
