import { Inject, Injectable } from '@nestjs/common';
import { assertScope, type Principal } from '@psc/auth';
import type { AssignMentorRequest, IncubationView, RecordTrainingRequest } from '@psc/contracts/socialorg';
import { CLOCK, type Clock } from '@psc/server-kit';
import { IncubationRepository } from './incubation.repository';
import { BASE_ADMINS } from './incubation-access';
import { IncubationViewsService } from './incubation-views.service';
import { incubationFacts, serviceStep } from './incubation-steps';

/** The services of the incubation period the base gives and records: a mentor, training sessions. */
@Injectable()
export class IncubationSupportService {
  constructor(
    private readonly incubations: IncubationRepository,
    private readonly views: IncubationViewsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async assignMentor(
    incubationId: string,
    request: AssignMentorRequest,
    principal: Principal,
  ): Promise<IncubationView> {
    const current = await this.incubations.load(incubationId);
    assertScope(principal, current.baseId, BASE_ADMINS);
    const now = this.clock();
    const mentor = {
      name: request.name,
      affiliation: request.affiliation,
      expertise: request.expertise,
      since: now,
    };
    const step = serviceStep(
      current,
      request.revision,
      'assign_mentor',
      principal,
      now,
      { mentor },
      `${request.name}（${request.affiliation}）：${request.expertise}`,
      {
        type: 'socialorg.incubation.mentor-assigned',
        data: {
          ...incubationFacts(current),
          mentor: request.name,
          affiliation: request.affiliation,
          by: principal.sub,
          at: now.toISOString(),
        },
      },
    );
    return this.views.view(await this.incubations.record(current, step));
  }

  async recordTraining(
    incubationId: string,
    request: RecordTrainingRequest,
    principal: Principal,
  ): Promise<IncubationView> {
    const current = await this.incubations.load(incubationId);
    assertScope(principal, current.baseId, BASE_ADMINS);
    const now = this.clock();
    const { revision, ...training } = request;
    const step = serviceStep(
      current,
      revision,
      'record_training',
      principal,
      now,
      { trainings: [...current.trainings, { ...training, recordedAt: now }] },
      `${training.on} ${training.title}（${training.hours} 学时，${training.provider}）`,
      {
        type: 'socialorg.incubation.training-recorded',
        data: {
          ...incubationFacts(current),
          title: training.title,
          on: training.on,
          hours: training.hours,
          by: principal.sub,
          at: now.toISOString(),
        },
      },
    );
    return this.views.view(await this.incubations.record(current, step));
  }
}
