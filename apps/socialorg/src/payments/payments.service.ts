import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@psc/auth';
import type { AgreementView, PaymentRequest } from '@psc/contracts/socialorg';
import { CLOCK, type Clock } from '@psc/server-kit';
import { AgreementRepository } from '../agreements/agreement.repository';
import { agreementView, payableTranche } from '../agreements/agreement-terms';
import { CallRepository } from '../calls/call.repository';
import { assertCallAdmin, ledgerOf } from '../calls/call-steps';
import { payTranche } from './funds';

/**
 * 拨付 of a tranche (or part of one): a new entry in the call's ledger, decided against the ledger as stored, so
 * two payments at once cannot pay a tranche twice or an agreement past what it contracted.
 */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly agreements: AgreementRepository,
    private readonly calls: CallRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async pay(agreementId: string, request: PaymentRequest, principal: Principal): Promise<AgreementView> {
    const agreement = await this.agreements.load(agreementId);
    assertCallAdmin(principal, await this.calls.load(agreement.callId));
    const paid = await this.calls.change(agreement.callId, (call) =>
      payTranche(
        call,
        agreement.applicationId,
        payableTranche(agreement, ledgerOf(call), request.tranche),
        request,
        principal,
        this.clock(),
      ),
    );
    return agreementView(agreement, paid);
  }
}
