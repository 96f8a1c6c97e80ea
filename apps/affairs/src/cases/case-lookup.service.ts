import { Inject, Injectable } from '@nestjs/common';
import type { CaseProgress } from '@psc/contracts/affairs';
import { AppError, CLOCK, type Clock } from '@psc/server-kit';
import { timingSafeEqual } from 'node:crypto';
import type { Case } from './case.model';
import { CaseRepository } from './case.repository';
import { CaseSecrets } from './case-secrets';
import { caseProgress } from './case-view';
import { LookupGuard } from './lookup-guard';

/** Cases looked up without signing in, by a secret only the resident holds. */
@Injectable()
export class CaseLookupService {
  private readonly lookups = new LookupGuard();

  constructor(
    private readonly cases: CaseRepository,
    private readonly secrets: CaseSecrets,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Progress at a kiosk from the case number and the last 6 of the ID number; a wrong pair says nothing more. */
  async progress(caseNo: string, idTail: string): Promise<CaseProgress> {
    const found = await this.guardedLoad(
      caseNo,
      this.secrets.lookupHash(caseNo, idTail),
      (c) => c.lookupHash,
    );
    if (!found) throw new AppError('AFFAIRS.LOOKUP_FAILED');
    return caseProgress(found, this.clock());
  }

  /**
   * A case loaded for someone who proves they may see it with a secret derived from it rather than by signing in.
   * Wrong secrets are counted per case, whichever secret it was, and lookups of that case pause after a few.
   */
  async guardedLoad(
    caseNo: string,
    presented: string,
    expectedOf: (found: Case) => string,
  ): Promise<Case | null> {
    const now = this.clock().getTime();
    if (this.lookups.blocked(caseNo, now))
      throw new AppError('COMMON.RATE_LIMITED', '查询错误次数过多，请 15 分钟后再试，或带身份证到窗口查询');
    const found = await this.cases.find(caseNo);
    const given = Buffer.from(presented);
    const expected = found && Buffer.from(expectedOf(found));
    if (!expected || expected.length !== given.length || !timingSafeEqual(expected, given)) {
      this.lookups.failed(caseNo, now);
      return null;
    }
    return found;
  }
}
