import { Inject, Injectable } from '@nestjs/common';
import { assertScope, orgsOf, type Principal } from '@psc/auth';
import type { ApplyIncubationRequest, IncubationView } from '@psc/contracts/socialorg';
import { AppError, CLOCK, type Clock } from '@psc/server-kit';
import { FilesService } from '../files/files.service';
import { OrganisationDirectory } from '../organisations/organisation-directory.service';
import { actingRole, newId, placePath } from '../shared/place';
import type { Incubation } from './incubation.model';
import { IncubationRepository } from './incubation.repository';
import { BASE_ADMINS } from './incubation-access';
import { incubationView } from './incubation-view';
import { actor } from './incubation-steps';

const APPLICANTS = ['org_member', ...BASE_ADMINS];

/** 入驻申请: the organisation (or its community's administrator for it) applies to a base. */
@Injectable()
export class IncubationApplyService {
  constructor(
    private readonly incubations: IncubationRepository,
    private readonly directory: OrganisationDirectory,
    private readonly files: FilesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async apply(request: ApplyIncubationRequest, principal: Principal): Promise<IncubationView> {
    const org = await this.directory.get(request.orgId);
    if (!org)
      throw new AppError('SOCIALORG.ORGANISATION_NOT_FOUND', `没有找到编号为 ${request.orgId} 的社会组织`);
    if (!orgsOf(principal).includes(org.orgId)) assertScope(principal, org.centreId, BASE_ADMINS);
    await this.checkAttachments(request.attachments, org.orgId);
    const now = this.clock();
    const incubationId = newId('inc');
    const role = actingRole(principal, APPLICANTS);
    const doc: Incubation = {
      _id: incubationId,
      revision: 1,
      orgId: org.orgId,
      orgName: org.name,
      baseId: request.baseId,
      placePath: placePath(request.baseId),
      state: 'applied',
      activeKey: org.orgId,
      plan: request.plan,
      needs: request.needs,
      teamSize: request.teamSize,
      attachments: request.attachments,
      appliedAt: now,
      appliedBy: principal.sub,
      period: null,
      mentor: null,
      trainings: [],
      assessment: null,
      history: [
        {
          action: 'apply',
          from: null,
          to: 'applied',
          ...actor(principal),
          role,
          at: now.toISOString(),
          reason: null,
        },
      ],
    };
    const saved = await this.incubations.open(doc, {
      events: [
        {
          type: 'socialorg.incubation.applied',
          data: {
            incubationId,
            orgId: org.orgId,
            baseId: request.baseId,
            needs: request.needs,
            by: principal.sub,
            at: now.toISOString(),
          },
        },
      ],
    });
    return incubationView(saved, []);
  }

  /** Every attachment is the organisation's own, uploaded as material of an incubation application. */
  private async checkAttachments(fileIds: readonly string[], orgId: string): Promise<void> {
    for (const fileId of fileIds) {
      const file = await this.files.describe(fileId);
      if (!file || file.orgId !== orgId || file.kind !== 'incubation')
        throw new AppError('SOCIALORG.INCUBATION_INVALID', `附件 ${fileId} 不是本组织上传的入驻申请材料`, [
          { field: 'attachments', message: `附件 ${fileId} 不可用` },
        ]);
    }
  }
}
