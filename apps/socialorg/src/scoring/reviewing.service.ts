import { Inject, Injectable } from '@nestjs/common';
import { assertScope, type Principal } from '@psc/auth';
import type { DeclarationRequest, ReviewView, ScoreSheetRequest } from '@psc/contracts/socialorg';
import { AppError, CLOCK, type Clock } from '@psc/server-kit';
import { CallRepository } from '../calls/call.repository';
import { reviewId } from './review.model';
import { ReviewRepository } from './review.repository';
import { declareStep, illegalReviewStep, reviewSummary, reviewView, submitStep } from './review-steps';

/** What a reviewer does with an application assigned to them: declare conflicts of interest first, then score. */
@Injectable()
export class ReviewingService {
  constructor(
    private readonly reviews: ReviewRepository,
    private readonly calls: CallRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private async own(applicationId: string, principal: Principal) {
    const review = await this.reviews.find(reviewId(applicationId, principal.sub));
    if (!review || review.state === 'revoked') throw new AppError('SOCIALORG.REVIEW_NOT_FOUND');
    const call = await this.calls.load(review.callId);
    assertScope(principal, call.ownerScope, ['expert_reviewer']);
    return { review, call };
  }

  private async view(applicationId: string, principal: Principal): Promise<ReviewView> {
    const all = await this.reviews.ofApplication(applicationId);
    const mine = all.find((r) => r.reviewerId === principal.sub);
    if (!mine) throw new AppError('SOCIALORG.REVIEW_NOT_FOUND');
    return reviewView(mine, principal, reviewSummary(all).complete, false);
  }

  async declare(
    applicationId: string,
    request: DeclarationRequest,
    principal: Principal,
  ): Promise<ReviewView> {
    const { review } = await this.own(applicationId, principal);
    await this.reviews.record(review, declareStep(review, request, principal, this.clock()));
    return this.view(applicationId, principal);
  }

  /** Scores are given once the call's review has started, and once per reviewer. */
  async submit(applicationId: string, sheet: ScoreSheetRequest, principal: Principal): Promise<ReviewView> {
    const { review, call } = await this.own(applicationId, principal);
    if (call.state !== 'scoring')
      throw illegalReviewStep(review, 'submit', '该申报指南尚未开始评审或评审已结束，不能评分');
    await this.reviews.record(review, submitStep(review, call.criteria, sheet, principal, this.clock()));
    return this.view(applicationId, principal);
  }
}
