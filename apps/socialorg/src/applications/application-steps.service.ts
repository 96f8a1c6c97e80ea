import { Inject, Injectable } from '@nestjs/common';
import { assertOrgMember, type Principal } from '@psc/auth';
import type { ApplicationActionRequest, ApplicationView } from '@psc/contracts/socialorg';
import { AppError, CLOCK, type Clock } from '@psc/server-kit';
import { CallRepository } from '../calls/call.repository';
import { assertTakingApplications } from '../calls/call-steps';
import { ApplicantDirectory, type ApplicantFacts } from '../calls/applicant-directory.service';
import { ApplicationRepository } from './application.repository';
import { applicationStep, assertRevision, illegalApplicationStep } from './application-steps';
import { applicationView } from './application-view';

/** 提交 and 撤回, by the organisation's own staff, while the call takes applications. */
@Injectable()
export class ApplicationStepsService {
  constructor(
    private readonly applications: ApplicationRepository,
    private readonly calls: CallRepository,
    @Inject(ApplicantDirectory) private readonly directory: ApplicantFacts,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async act(
    applicationId: string,
    request: ApplicationActionRequest,
    principal: Principal,
  ): Promise<ApplicationView> {
    const current = await this.applications.load(applicationId);
    assertOrgMember(principal, current.orgId);
    const call = await this.calls.load(current.callId);
    const now = this.clock();
    assertRevision(current, request.revision);
    if (request.action === 'submit') {
      assertTakingApplications(call, now);
      // the name and street the award and the dashboards will carry are the registry's at submission
      const org = await this.directory.get(current.orgId);
      if (!org)
        throw new AppError('SOCIALORG.ORGANISATION_NOT_FOUND', `没有找到编号为 ${current.orgId} 的社会组织`);
      const change = applicationStep(current, 'submit', principal, now, {
        set: { submittedAt: now, orgName: org.name, streetId: org.streetId },
        events: [
          {
            type: 'socialorg.application.submitted',
            data: {
              applicationId: current._id,
              callId: current.callId,
              orgId: current.orgId,
              streetId: org.streetId,
              requestFen: current.requestFen,
              at: now.toISOString(),
            },
          },
        ],
      });
      return applicationView(await this.applications.record(current, change), call, [], 'organisation');
    }
    if (call.state !== 'open')
      throw illegalApplicationStep(current, 'withdraw', '申报已截止，不能再撤回申报');
    const change = applicationStep(current, 'withdraw', principal, now, {
      // frees the organisation's one place in the call, so it may apply afresh
      set: { orgSlot: `withdrawn/${current._id}` },
      events: [
        {
          type: 'socialorg.application.withdrawn',
          data: {
            applicationId: current._id,
            callId: current.callId,
            orgId: current.orgId,
            by: principal.sub,
            at: now.toISOString(),
          },
        },
      ],
    });
    return applicationView(await this.applications.record(current, change), call, [], 'organisation');
  }
}
