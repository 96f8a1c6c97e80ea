import { Inject, Injectable } from '@nestjs/common';
import { assertOrgMember, type Principal } from '@psc/auth';
import type {
  AgreementView,
  MilestoneDecisionRequest,
  MilestoneReportRequest,
} from '@psc/contracts/socialorg';
import { CLOCK, type Clock } from '@psc/server-kit';
import { CallRepository } from '../calls/call.repository';
import { assertCallAdmin } from '../calls/call-steps';
import { OwnFiles } from '../calls/own-files.service';
import { AgreementRepository } from './agreement.repository';
import { agreementView, decideStep, reportStep } from './agreement-terms';

/** 节点报告 by the organisation, with evidence files; 验收 by the call's administrators. */
@Injectable()
export class MilestonesService {
  constructor(
    private readonly agreements: AgreementRepository,
    private readonly calls: CallRepository,
    private readonly files: OwnFiles,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async report(
    agreementId: string,
    key: string,
    request: MilestoneReportRequest,
    principal: Principal,
  ): Promise<AgreementView> {
    const agreement = await this.agreements.load(agreementId);
    assertOrgMember(principal, agreement.orgId);
    await this.files.assertOwn(request.evidence, agreement.orgId, 'milestone', 'evidence');
    const written = await this.agreements.record(
      agreement,
      reportStep(agreement, key, request, principal, this.clock()),
    );
    return agreementView(written, await this.calls.load(agreement.callId));
  }

  async decide(
    agreementId: string,
    key: string,
    request: MilestoneDecisionRequest,
    principal: Principal,
  ): Promise<AgreementView> {
    const agreement = await this.agreements.load(agreementId);
    const call = await this.calls.load(agreement.callId);
    assertCallAdmin(principal, call);
    const written = await this.agreements.record(
      agreement,
      decideStep(agreement, key, request, principal, this.clock()),
    );
    return agreementView(written, call);
  }
}
