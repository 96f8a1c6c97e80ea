import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@psc/auth';
import type { AgreementView, SignAgreementRequest } from '@psc/contracts/socialorg';
import { AppError, CLOCK, type Clock } from '@psc/server-kit';
import { ApplicationRepository } from '../applications/application.repository';
import { CallRepository } from '../calls/call.repository';
import { assertCallAdmin, awardOf } from '../calls/call-steps';
import { bindAgreement } from '../payments/funds';
import { AgreementRepository } from './agreement.repository';
import { agreementIdOf, agreementView, draftAgreement, signedEvent } from './agreement-terms';

/**
 * 签订项目协议 for an award. The award is bound to the agreement on the call first (with any amount below the
 * award given back), then the agreement is stored; a signing retried after a crash between the two completes it.
 */
@Injectable()
export class AgreementSigningService {
  constructor(
    private readonly agreements: AgreementRepository,
    private readonly applications: ApplicationRepository,
    private readonly calls: CallRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async sign(request: SignAgreementRequest, principal: Principal): Promise<AgreementView> {
    const application = await this.applications.load(request.applicationId);
    assertCallAdmin(principal, await this.calls.load(application.callId));
    const agreementId = agreementIdOf(application._id);
    if (await this.agreements.find(agreementId))
      throw new AppError(
        'SOCIALORG.AGREEMENT_ILLEGAL_STEP',
        `该项目已签订协议（${agreementId}），不能重复签订`,
      );
    const now = this.clock();
    const call = await this.calls.change(application.callId, (current) =>
      bindAgreement(current, application._id, agreementId, request.contractedFen, principal, now),
    );
    const agreement = draftAgreement(request, call, awardOf(call, application._id), principal, now);
    const stored = await this.agreements.create(agreement, [signedEvent(agreement, principal, now)]);
    return agreementView(stored, call);
  }
}
