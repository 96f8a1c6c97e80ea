import { Inject, Injectable } from '@nestjs/common';
import { assertOrgMember, type Principal } from '@psc/auth';
import type {
  ApplicationContent,
  ApplicationView,
  CreateApplicationRequest,
  UpdateApplicationRequest,
} from '@psc/contracts/socialorg';
import { AppError, CLOCK, type Clock } from '@psc/server-kit';
import { CallRepository } from '../calls/call.repository';
import { newId } from '../calls/call-ids';
import { assertTakingApplications, type Raised } from '../calls/call-steps';
import { ApplicantDirectory, type ApplicantFacts } from '../calls/applicant-directory.service';
import { OwnFiles } from '../calls/own-files.service';
import type { Application } from './application.model';
import { ApplicationRepository } from './application.repository';
import { assertRevision, illegalApplicationStep } from './application-steps';
import { applicationView } from './application-view';

const drafted = (application: Application, at: Date): Raised<'socialorg.application.drafted'> => ({
  type: 'socialorg.application.drafted',
  data: {
    applicationId: application._id,
    callId: application.callId,
    orgId: application.orgId,
    requestFen: application.requestFen,
    at: at.toISOString(),
  },
});

const contentOf = (request: ApplicationContent): ApplicationContent => ({
  title: request.title,
  summary: request.summary,
  field: request.field,
  requestFen: request.requestFen,
  budgetLines: request.budgetLines,
  targets: request.targets,
  kpis: request.kpis,
  attachments: request.attachments,
});

/** An organisation's staff write their application while the call takes applications; one per organisation. */
@Injectable()
export class ApplicationDraftingService {
  constructor(
    private readonly applications: ApplicationRepository,
    private readonly calls: CallRepository,
    @Inject(ApplicantDirectory) private readonly directory: ApplicantFacts,
    private readonly files: OwnFiles,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(request: CreateApplicationRequest, principal: Principal): Promise<ApplicationView> {
    assertOrgMember(principal, request.orgId);
    const call = await this.calls.load(request.callId);
    const now = this.clock();
    assertTakingApplications(call, now);
    const org = await this.directory.get(request.orgId);
    if (!org)
      throw new AppError('SOCIALORG.ORGANISATION_NOT_FOUND', `没有找到编号为 ${request.orgId} 的社会组织`);
    await this.files.assertOwn(request.attachments, org.orgId, 'application', 'attachments');
    const application: Application = {
      _id: newId('A'),
      revision: 1,
      callId: call._id,
      orgId: org.orgId,
      orgName: org.name,
      streetId: org.streetId,
      orgSlot: `${call._id}/${org.orgId}`,
      ...contentOf(request),
      state: 'draft',
      createdAt: now,
      createdBy: principal.sub,
      submittedAt: null,
      eligibility: null,
      history: [
        { action: 'draft', from: null, to: 'draft', by: principal.sub, at: now.toISOString(), reason: null },
      ],
    };
    await this.applications.create(application, [drafted(application, now)]);
    return applicationView(application, call, [], 'organisation');
  }

  async update(
    applicationId: string,
    request: UpdateApplicationRequest,
    principal: Principal,
  ): Promise<ApplicationView> {
    const current = await this.applications.load(applicationId);
    assertOrgMember(principal, current.orgId);
    const call = await this.calls.load(current.callId);
    const now = this.clock();
    assertTakingApplications(call, now);
    if (current.state !== 'draft')
      throw illegalApplicationStep(current, 'submit', '申报已提交，不能再修改；如需修改请先撤回后重新申报');
    assertRevision(current, request.revision);
    await this.files.assertOwn(request.attachments, current.orgId, 'application', 'attachments');
    const content = contentOf(request);
    const updated = await this.applications.record(current, {
      set: content,
      history: [
        {
          action: 'edit',
          from: 'draft',
          to: 'draft',
          by: principal.sub,
          at: now.toISOString(),
          reason: null,
        },
      ],
      events: [drafted({ ...current, ...content }, now)],
    });
    return applicationView(updated, call, [], 'organisation');
  }
}
