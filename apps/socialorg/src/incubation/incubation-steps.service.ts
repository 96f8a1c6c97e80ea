import { Inject, Injectable } from '@nestjs/common';
import { assertOrgMember, assertScope, type Principal } from '@psc/auth';
import {
  type AssessIncubationRequest,
  INCUBATION_ACTION_ROLES,
  type IncubationActionRequest,
  type IncubationView,
} from '@psc/contracts/socialorg';
import { CLOCK, type Clock } from '@psc/server-kit';
import { IncubationRepository } from './incubation.repository';
import { IncubationViewsService } from './incubation-views.service';
import { assessmentStep, stepChanges, transition } from './incubation-steps';

/** The base's decisions (入驻 or not, 出壳, exit) and the organisation's withdrawal: the state machine's steps. */
@Injectable()
export class IncubationStepsService {
  constructor(
    private readonly incubations: IncubationRepository,
    private readonly views: IncubationViewsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async act(
    incubationId: string,
    request: IncubationActionRequest,
    principal: Principal,
  ): Promise<IncubationView> {
    const current = await this.incubations.load(incubationId);
    // withdrawing is the applicant's own step; every other step is the base's
    if (request.action === 'withdraw') assertOrgMember(principal, current.orgId);
    else assertScope(principal, current.baseId, INCUBATION_ACTION_ROLES[request.action] as never);
    const now = this.clock();
    const step = transition(
      current,
      request.action,
      request.revision,
      principal,
      now,
      stepChanges(current, request, now),
      request.reason || null,
    );
    return this.views.view(await this.incubations.record(current, step));
  }

  /** 中期评估 with the score sheet; it may be repeated after the organisation has put right what it found. */
  async assess(
    incubationId: string,
    request: AssessIncubationRequest,
    principal: Principal,
  ): Promise<IncubationView> {
    const current = await this.incubations.load(incubationId);
    assertScope(principal, current.baseId, INCUBATION_ACTION_ROLES.assess as never);
    const step = assessmentStep(current, request, principal, this.clock());
    return this.views.view(await this.incubations.record(current, step));
  }
}
