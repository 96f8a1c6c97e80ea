import { Inject, Injectable } from '@nestjs/common';
import { orgsOf, type Principal } from '@psc/auth';
import type { AnswerObjectionRequest, CallView, RaiseObjectionRequest } from '@psc/contracts/socialorg';
import { CLOCK, type Clock } from '@psc/server-kit';
import { CallRepository } from './call.repository';
import { administers } from './call-access';
import { answerObjection, assertCallAdmin, raiseObjection } from './call-steps';
import { callView } from './call-view';

/** 公示期异议: raised by anyone signed in while the notice runs, answered by the call's administrators. */
@Injectable()
export class CallObjectionsService {
  constructor(
    private readonly calls: CallRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async raise(callId: string, request: RaiseObjectionRequest, principal: Principal): Promise<CallView> {
    const org = orgsOf(principal)[0] ?? null;
    const updated = await this.calls.change(callId, (call) =>
      raiseObjection(call, request, principal, org, this.clock()),
    );
    return callView(updated, principal, administers(principal, updated));
  }

  async answer(
    callId: string,
    objectionId: string,
    request: AnswerObjectionRequest,
    principal: Principal,
  ): Promise<CallView> {
    assertCallAdmin(principal, await this.calls.load(callId));
    const updated = await this.calls.change(callId, (call) =>
      answerObjection(call, objectionId, request, principal, this.clock()),
    );
    return callView(updated, principal, true);
  }
}
