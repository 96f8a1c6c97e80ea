import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@psc/auth';
import type { ApplicationReviewsView, AssignReviewersRequest } from '@psc/contracts/socialorg';
import { AppError, CLOCK, type Clock } from '@psc/server-kit';
import { ApplicationRepository } from '../applications/application.repository';
import { CallRepository } from '../calls/call.repository';
import { assertCallAdmin, illegalCallStep } from '../calls/call-steps';
import { type Review, reviewId } from './review.model';
import { ReviewRepository } from './review.repository';
import { reviewsView, revokeStep } from './review-steps';

/** 指派评审专家: the call's administrators give each eligible application its reviewers, before the scores. */
@Injectable()
export class ReviewerAssignmentService {
  constructor(
    private readonly reviews: ReviewRepository,
    private readonly applications: ApplicationRepository,
    private readonly calls: CallRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private async context(applicationId: string, principal: Principal) {
    const application = await this.applications.load(applicationId);
    const call = await this.calls.load(application.callId);
    assertCallAdmin(principal, call);
    if (call.state !== 'closed' && call.state !== 'scoring')
      throw illegalCallStep(call, 'start_scoring', '评审专家在申报截止后、排名前指派');
    return { application, call };
  }

  /** Adds reviewers; one already assigned stays as they are, so a repeated request changes nothing. */
  async assign(
    applicationId: string,
    request: AssignReviewersRequest,
    principal: Principal,
  ): Promise<ApplicationReviewsView> {
    const { application } = await this.context(applicationId, principal);
    if (application.state !== 'eligible')
      throw new AppError('SOCIALORG.APPLICATION_ILLEGAL_STEP', '只有通过资格审查的申报才能指派评审专家', {
        state: application.state,
      });
    for (const reviewerId of request.reviewers) {
      const now = this.clock();
      const review: Review = {
        _id: reviewId(applicationId, reviewerId),
        revision: 1,
        applicationId,
        callId: application.callId,
        orgId: application.orgId,
        reviewerId,
        state: 'assigned',
        assignedAt: now,
        assignedBy: principal.sub,
        declaration: null,
        scores: null,
        comment: null,
        submittedAt: null,
        history: [
          {
            action: 'assign',
            from: null,
            to: 'assigned',
            by: principal.sub,
            at: now.toISOString(),
            reason: null,
          },
        ],
      };
      await this.reviews.create(review, [
        {
          type: 'socialorg.application.reviewer-assigned',
          data: {
            applicationId,
            callId: application.callId,
            reviewerId,
            by: principal.sub,
            at: now.toISOString(),
          },
        },
      ]);
    }
    return reviewsView(await this.reviews.ofApplication(applicationId), applicationId, principal, true);
  }

  /** Withdraws an assignment nobody has scored under, e.g. a reviewer who cannot take part. */
  async revoke(
    applicationId: string,
    reviewerId: string,
    principal: Principal,
  ): Promise<ApplicationReviewsView> {
    await this.context(applicationId, principal);
    const review = await this.reviews.find(reviewId(applicationId, reviewerId));
    if (!review) throw new AppError('SOCIALORG.REVIEW_NOT_FOUND', `${reviewerId} 没有被指派评审该项目`);
    await this.reviews.record(review, revokeStep(review, principal, this.clock()));
    return reviewsView(await this.reviews.ofApplication(applicationId), applicationId, principal, true);
  }
}
