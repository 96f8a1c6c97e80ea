import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@psc/auth';
import type { CallActionRequest, CallView } from '@psc/contracts/socialorg';
import { CLOCK, type Clock } from '@psc/server-kit';
import { CallRepository } from './call.repository';
import {
  assertCallAdmin,
  awardStep,
  cancelAwardStep,
  closeStep,
  concludeStep,
  openStep,
  publiciseStep,
  transition,
} from './call-steps';
import { callView } from './call-view';

/** What administrators do to a call: publish, close, 公示, award, conclude or cancel, and cancel one award. */
@Injectable()
export class CallStepsService {
  constructor(
    private readonly calls: CallRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async act(callId: string, request: CallActionRequest, principal: Principal): Promise<CallView> {
    assertCallAdmin(principal, await this.calls.load(callId));
    const updated = await this.calls.change(callId, (call) => {
      const now = this.clock();
      switch (request.action) {
        case 'open':
          return openStep(call, principal, now);
        case 'close':
          return closeStep(call, principal, now);
        case 'publicise':
          return publiciseStep(call, principal, now);
        case 'award':
          return awardStep(call, principal, now);
        case 'conclude':
          return concludeStep(call, principal, now);
        case 'cancel':
          return transition(call, 'cancel', principal, now, request.reason ?? null);
      }
    });
    return callView(updated, principal, true);
  }

  /** 取消立项 of one award not yet under agreement: its money goes back to the call. */
  async cancelAward(
    callId: string,
    applicationId: string,
    reason: string,
    principal: Principal,
  ): Promise<CallView> {
    assertCallAdmin(principal, await this.calls.load(callId));
    const updated = await this.calls.change(callId, (call) =>
      cancelAwardStep(call, applicationId, reason, principal, this.clock()),
    );
    return callView(updated, principal, true);
  }
}
