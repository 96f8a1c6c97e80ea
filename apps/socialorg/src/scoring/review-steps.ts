import { orgsOf, type Principal } from '@psc/auth';
import {
  type ApplicationReviewsView,
  type Criterion,
  type DeclarationRequest,
  PENDING_REVIEW_STATES,
  REVIEW_ACTIONS,
  REVIEW_STATES,
  type ReviewAction,
  reviewAllowedActions,
  reviewNextState,
  type ReviewView,
  scoreSheetFor,
  type ScoreSheetRequest,
  type StepRecord,
} from '@psc/contracts/socialorg';
import { AppError, parseWith } from '@psc/server-kit';
import type { Raised } from '../calls/call-steps';
import type { Review } from './review.model';

export interface ReviewChange {
  set: Partial<Review>;
  history: StepRecord[];
  events: Raised[];
}

export function illegalReviewStep(review: Review, action: ReviewAction, why?: string): AppError {
  const possible = reviewAllowedActions(review.state).map((a) => REVIEW_ACTIONS[a]);
  return new AppError(
    'SOCIALORG.REVIEW_ILLEGAL_STEP',
    why ??
      `评审当前为“${REVIEW_STATES[review.state]}”，不能“${REVIEW_ACTIONS[action]}”` +
        (possible.length > 0 ? `；现在可以：${possible.join('、')}` : ''),
    { state: review.state, allowed: reviewAllowedActions(review.state) },
  );
}

export function reviewStep(
  review: Review,
  action: ReviewAction,
  by: Principal,
  now: Date,
  extra: { set?: Partial<Review>; events?: Raised[]; reason?: string | null } = {},
): ReviewChange {
  const to = reviewNextState(review.state, action);
  if (!to) throw illegalReviewStep(review, action);
  return {
    set: { ...extra.set, state: to },
    history: [
      { action, from: review.state, to, by: by.sub, at: now.toISOString(), reason: extra.reason ?? null },
    ],
    events: extra.events ?? [],
  };
}

const facts = (review: Review) => ({
  applicationId: review.applicationId,
  callId: review.callId,
  reviewerId: review.reviewerId,
});

/**
 * 利益冲突声明, before any score. A reviewer who works for the applicant organisation is linked to it and cannot
 * declare that there is no conflict; whatever is declared is kept on the review.
 */
export function declareStep(
  review: Review,
  request: DeclarationRequest,
  by: Principal,
  now: Date,
): ReviewChange {
  const action: ReviewAction = request.conflict ? 'declare_conflict' : 'declare_none';
  if (!reviewNextState(review.state, action)) throw illegalReviewStep(review, action);
  if (!request.conflict && orgsOf(by).includes(review.orgId))
    throw new AppError(
      'SOCIALORG.CONFLICT_OF_INTEREST',
      '您是申报组织的工作人员，与该项目存在利益关系，须声明回避，不能评审该项目',
    );
  return reviewStep(review, action, by, now, {
    set: { declaration: { conflict: request.conflict, statement: request.statement, at: now } },
    reason: request.statement || null,
    events: [
      {
        type: 'socialorg.application.review-declared',
        data: { ...facts(review), conflict: request.conflict, at: now.toISOString() },
      },
    ],
  });
}

/** A sheet's total to one decimal place, added in tenths so that 0.1 + 0.2 is 0.3. */
export const sheetTotal = (scores: Record<string, number>): number =>
  Object.values(scores).reduce((sum, s) => sum + Math.round(s * 10), 0) / 10;

/** 评分: every criterion of the call, each within 0 and its weight; a conflicted reviewer never gets here. */
export function submitStep(
  review: Review,
  criteria: readonly Criterion[],
  sheet: ScoreSheetRequest,
  by: Principal,
  now: Date,
): ReviewChange {
  if (review.state === 'assigned')
    throw illegalReviewStep(review, 'submit', '请先声明是否与申报组织存在利益冲突，再评分');
  if (review.state === 'conflicted')
    throw new AppError(
      'SOCIALORG.CONFLICT_OF_INTEREST',
      '您已声明与申报组织存在利益冲突并回避，不能评审该项目',
    );
  const checked = parseWith(scoreSheetFor(criteria), sheet);
  const scores = Object.fromEntries(criteria.map((c) => [c.key, checked.scores[c.key]]));
  return reviewStep(review, 'submit', by, now, {
    set: { scores, comment: checked.comment, submittedAt: now },
    events: [
      {
        type: 'socialorg.application.review-submitted',
        data: { ...facts(review), total: sheetTotal(scores), at: now.toISOString() },
      },
    ],
  });
}

export function revokeStep(review: Review, by: Principal, now: Date): ReviewChange {
  return reviewStep(review, 'revoke', by, now, {
    events: [
      {
        type: 'socialorg.application.review-revoked',
        data: { ...facts(review), by: by.sub, at: now.toISOString() },
      },
    ],
  });
}

/** Where an application's reviews stand; `complete` once none is left to declare or score and one was scored. */
export function reviewSummary(reviews: readonly Review[]) {
  const live = reviews.filter((r) => r.state !== 'revoked');
  const submitted = live.filter((r) => r.state === 'submitted').length;
  const pending = live.filter((r) => PENDING_REVIEW_STATES.includes(r.state)).length;
  return {
    assigned: live.length,
    conflicted: live.filter((r) => r.state === 'conflicted').length,
    submitted,
    pending,
    complete: pending === 0 && submitted > 0,
  };
}

/** A review as `viewer` may see it: scores are the reviewer's own until every review of the application is in. */
export function reviewView(review: Review, viewer: Principal, complete: boolean, admin: boolean): ReviewView {
  const own = review.reviewerId === viewer.sub;
  const visible = own || complete;
  return {
    applicationId: review.applicationId,
    callId: review.callId,
    reviewerId: review.reviewerId,
    state: review.state,
    allowedActions: reviewAllowedActions(review.state).filter((a) => (a === 'revoke' ? admin : own)),
    assignedAt: review.assignedAt.toISOString(),
    declaration: review.declaration && { ...review.declaration, at: review.declaration.at.toISOString() },
    scores: visible ? review.scores : null,
    total: visible && review.scores ? sheetTotal(review.scores) : null,
    comment: visible ? review.comment : null,
    submittedAt: review.submittedAt?.toISOString() ?? null,
  };
}

/** An application's reviews as `viewer` may see them: nobody sees another reviewer's scores until all are in. */
export function reviewsView(
  reviews: readonly Review[],
  applicationId: string,
  viewer: Principal,
  admin: boolean,
): ApplicationReviewsView {
  const { complete } = reviewSummary(reviews);
  return {
    applicationId,
    complete,
    reviews: [...reviews]
      .sort((a, b) => a.assignedAt.getTime() - b.assignedAt.getTime())
      .map((r) => reviewView(r, viewer, complete, admin)),
  };
}
