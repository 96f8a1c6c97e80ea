import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Principal } from '@psc/auth';
import type { ProjectVolunteerHoursView } from '@psc/contracts/socialorg';
import type { Model } from 'mongoose';
import { AgreementRepository } from '../agreements/agreement.repository';
import { assertMayRead } from '../agreements/agreement-access';
import { ApplicationRepository } from '../applications/application.repository';
import { CallRepository } from '../calls/call.repository';
import { PROJECT_HOURS_MODEL, type ProjectHours } from './project-hours.model';
import { kpiProgress } from './project-kpis';

/** A project's volunteer hours and KPI progress, for whoever may read its agreement. */
@Injectable()
export class ProjectHoursService {
  constructor(
    @InjectModel(PROJECT_HOURS_MODEL) private readonly hours: Model<ProjectHours>,
    private readonly agreements: AgreementRepository,
    private readonly calls: CallRepository,
    private readonly applications: ApplicationRepository,
  ) {}

  async get(agreementId: string, principal: Principal): Promise<ProjectVolunteerHoursView> {
    const agreement = await this.agreements.load(agreementId);
    assertMayRead(principal, agreement, await this.calls.load(agreement.callId));
    const application = await this.applications.load(agreement.applicationId);
    const tally = await this.hours.findById(agreementId).lean<ProjectHours>();
    const minutes = tally?.minutes ?? 0;
    return {
      agreementId,
      minutes,
      entries: tally?.entries ?? 0,
      kpis: kpiProgress(application.kpis, agreement.milestones, minutes),
    };
  }
}
