import { Inject, Injectable } from '@nestjs/common';
import { assertSelf, type Principal } from '@psc/auth';
import type {
  CaseProgress,
  CaseView,
  RateByLinkRequest,
  RateCaseRequest,
  RatingChannel,
} from '@psc/contracts/affairs';
import { AppError, CLOCK, type Clock } from '@psc/server-kit';
import type { Case } from './case.model';
import { CaseRepository } from './case.repository';
import { CaseLookupService } from './case-lookup.service';
import { CaseSecrets } from './case-secrets';
import { ratingStep } from './case-steps';
import { caseProgress, caseView } from './case-view';

/** 好差评: by the resident who applied, at a kiosk signed in or through the link texted on delivery. */
@Injectable()
export class CaseRatingService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly lookup: CaseLookupService,
    private readonly secrets: CaseSecrets,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async rate(caseNo: string, request: RateCaseRequest, principal: Principal): Promise<CaseView> {
    const current = await this.cases.load(caseNo);
    assertSelf(principal, current.residentId);
    return this.record(current, request, principal, 'kiosk');
  }

  /** The case behind an SMS rating link, as progress; a wrong token says nothing about the case. */
  async ratingLink(caseNo: string, token: string): Promise<CaseProgress> {
    return caseProgress(await this.byRatingLink(caseNo, token), this.clock());
  }

  /** The token proves the resident got the text, so it stands for them. */
  async rateByLink(caseNo: string, request: RateByLinkRequest): Promise<CaseView> {
    const current = await this.byRatingLink(caseNo, request.token);
    const resident: Principal = {
      sub: current.residentId,
      kind: 'resident',
      roles: [],
      sessionId: 'sms-link',
    };
    return this.record(current, request, resident, 'sms');
  }

  private async record(
    current: Case,
    request: RateCaseRequest,
    principal: Principal,
    via: RatingChannel,
  ): Promise<CaseView> {
    const step = ratingStep(current, request, principal, via, this.clock());
    return caseView(await this.cases.record(current, step), this.clock());
  }

  private async byRatingLink(caseNo: string, token: string): Promise<Case> {
    const found = await this.lookup.guardedLoad(caseNo, token, (c) => this.secrets.ratingToken(c._id));
    if (!found) throw new AppError('AFFAIRS.RATING_LINK_INVALID');
    return found;
  }
}
