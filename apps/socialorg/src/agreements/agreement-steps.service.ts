import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@psc/auth';
import type { AgreementActionRequest, AgreementView, EvaluationRequest } from '@psc/contracts/socialorg';
import { CLOCK, type Clock } from '@psc/server-kit';
import { CallRepository } from '../calls/call.repository';
import { assertCallAdmin, ledgerOf } from '../calls/call-steps';
import { closeFunds } from '../payments/funds';
import { AgreementRepository } from './agreement.repository';
import {
  agreementStep,
  agreementView,
  assertAgreementCan,
  assertSettled,
  evaluateStep,
} from './agreement-terms';

/** 结项评估, 结清 and 终止 of an agreement, by its call's administrators. */
@Injectable()
export class AgreementStepsService {
  constructor(
    private readonly agreements: AgreementRepository,
    private readonly calls: CallRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async evaluate(
    agreementId: string,
    request: EvaluationRequest,
    principal: Principal,
  ): Promise<AgreementView> {
    const agreement = await this.agreements.load(agreementId);
    const call = await this.calls.load(agreement.callId);
    assertCallAdmin(principal, call);
    const written = await this.agreements.record(
      agreement,
      evaluateStep(agreement, request, principal, this.clock()),
    );
    return agreementView(written, call);
  }

  /**
   * 结清 (every tranche paid, or withheld by a failed evaluation) or 终止 (with a reason): either way the unpaid
   * part goes back to the call, on the call first, so that a crash before the agreement's own write leaves no money
   * that could still be paid out.
   */
  async act(
    agreementId: string,
    request: AgreementActionRequest,
    principal: Principal,
  ): Promise<AgreementView> {
    const agreement = await this.agreements.load(agreementId);
    const call = await this.calls.load(agreement.callId);
    assertCallAdmin(principal, call);
    if (request.action === 'complete') assertSettled(agreement, ledgerOf(call));
    else assertAgreementCan(agreement, 'terminate');
    const cause = request.action === 'complete' ? 'agreement_completed' : 'agreement_terminated';
    const now = this.clock();
    const closed = await this.calls.change(call._id, (current) =>
      closeFunds(current, agreement.applicationId, cause, principal, now),
    );
    const written = await this.agreements.record(
      agreement,
      agreementStep(agreement, request.action, principal, now, { reason: request.reason ?? null }),
    );
    return agreementView(written, closed);
  }
}
