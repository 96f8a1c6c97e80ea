import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@psc/auth';
import type { EligibilityRunView } from '@psc/contracts/socialorg';
import { CLOCK, type Clock } from '@psc/server-kit';
import { CallRepository } from '../calls/call.repository';
import { assertCallAdmin, illegalCallStep } from '../calls/call-steps';
import { ApplicantDirectory, type ApplicantFacts } from '../calls/applicant-directory.service';
import { ApplicationRepository } from './application.repository';
import { eligibilityStep } from './application-steps';

/**
 * 资格审查 after the call closes: each submitted application checked against the call's rules and the
 * organisation as the registry has it then. Running it again checks only what is left, so an interrupted run resumes.
 */
@Injectable()
export class EligibilityService {
  constructor(
    private readonly applications: ApplicationRepository,
    private readonly calls: CallRepository,
    @Inject(ApplicantDirectory) private readonly directory: ApplicantFacts,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(callId: string, principal: Principal): Promise<EligibilityRunView> {
    const call = await this.calls.load(callId);
    assertCallAdmin(principal, call);
    if (call.state !== 'closed')
      throw illegalCallStep(call, 'start_scoring', '资格审查在申报截止后、开始评审前进行');
    const states = new Map((await this.applications.ofCall(callId)).map((a) => [a._id, a]));
    let checked = 0;
    for (const application of [...states.values()].filter((a) => a.state === 'submitted')) {
      const org = await this.directory.get(application.orgId);
      const change = eligibilityStep(application, call, org, principal, this.clock());
      states.set(application._id, await this.applications.record(application, change));
      checked += 1;
    }
    const count = (state: string) => [...states.values()].filter((a) => a.state === state).length;
    return { callId, checked, passed: count('eligible'), failed: count('ineligible') };
  }
}
