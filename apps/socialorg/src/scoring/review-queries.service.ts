import { Injectable } from '@nestjs/common';
import type { Principal } from '@psc/auth';
import type { ApplicationReviewsView, ReviewAssignmentView } from '@psc/contracts/socialorg';
import { AppError } from '@psc/server-kit';
import { ApplicationRepository } from '../applications/application.repository';
import { CallRepository } from '../calls/call.repository';
import { administers } from '../calls/call-access';
import { ReviewRepository } from './review.repository';
import { reviewsView, reviewSummary, reviewView } from './review-steps';

@Injectable()
export class ReviewQueriesService {
  constructor(
    private readonly reviews: ReviewRepository,
    private readonly applications: ApplicationRepository,
    private readonly calls: CallRepository,
  ) {}

  /** For the call's administrators and the application's own reviewers. */
  async ofApplication(applicationId: string, principal: Principal): Promise<ApplicationReviewsView> {
    const application = await this.applications.load(applicationId);
    const call = await this.calls.load(application.callId);
    const reviews = await this.reviews.ofApplication(applicationId);
    const admin = administers(principal, call);
    if (!admin && !reviews.some((r) => r.reviewerId === principal.sub && r.state !== 'revoked'))
      throw new AppError('AUTH.OUT_OF_SCOPE', '只有该项目的评审专家和主办单位可以查看评审情况');
    return reviewsView(reviews, applicationId, principal, admin);
  }

  /** A reviewer's work list: every application assigned to them, with the criteria to score it by. */
  async mine(principal: Principal): Promise<ReviewAssignmentView[]> {
    const views: ReviewAssignmentView[] = [];
    for (const review of await this.reviews.ofReviewer(principal.sub)) {
      if (review.state === 'revoked') continue;
      const application = await this.applications.load(review.applicationId);
      const call = await this.calls.load(review.callId);
      const all = await this.reviews.ofApplication(review.applicationId);
      views.push({
        ...reviewView(review, principal, reviewSummary(all).complete, false),
        title: application.title,
        orgName: application.orgName,
        criteria: call.criteria,
      });
    }
    return views;
  }
}
