import { Inject, Injectable } from '@nestjs/common';
import { assertScope, type Principal } from '@psc/auth';
import type { CaseView } from '@psc/contracts/affairs';
import { CLOCK, type Clock } from '@psc/server-kit';
import { CaseRepository } from './case.repository';
import { rectificationStep } from './case-steps';
import { caseView } from './case-view';

/** 整改: the centre's answer to a 差评. */
@Injectable()
export class CaseRectificationService {
  constructor(
    private readonly cases: CaseRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async answer(caseNo: string, answer: string, principal: Principal): Promise<CaseView> {
    const current = await this.cases.load(caseNo);
    assertScope(principal, current.centreId, ['centre_admin']);
    const step = rectificationStep(current, answer, principal, this.clock());
    return caseView(await this.cases.record(current, step), this.clock());
  }
}
