import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@psc/auth';
import type { CallView, RankingView } from '@psc/contracts/socialorg';
import { AppError, CLOCK, type Clock } from '@psc/server-kit';
import { ApplicationRepository } from '../applications/application.repository';
import type { Call } from '../calls/call.model';
import { CallRepository } from '../calls/call.repository';
import { assertCallAdmin, assertCallCan, illegalCallStep, transition } from '../calls/call-steps';
import { callView } from '../calls/call-view';
import { rankApplications } from './ranking';
import type { Review } from './review.model';
import { ReviewRepository } from './review.repository';
import { PENDING_REVIEW_STATES } from '@psc/contracts/socialorg';

export function rankingView(call: Call): RankingView {
  if (!call.ranking) throw illegalCallStep(call, 'rank', '该申报指南尚未汇总排名');
  const entries = call.ranking.entries.map(({ streetId: _street, ...entry }) => entry);
  return {
    callId: call._id,
    rankedAt: call.ranking.rankedAt.toISOString(),
    aggregation: call.aggregation,
    tieBreak: call.tieBreak,
    passMark: call.passMark,
    budgetFen: call.budgetFen,
    proposedFen: entries.reduce((sum, e) => sum + e.fundedFen, 0),
    entries,
  };
}

/** The two steps of a call that need its applications and reviews: start the review, then rank. */
@Injectable()
export class ScoringStepsService {
  constructor(
    private readonly calls: CallRepository,
    private readonly applications: ApplicationRepository,
    private readonly reviews: ReviewRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** 开始评审: every submitted application has had its eligibility check, and each eligible one its reviewers. */
  async startScoring(callId: string, principal: Principal): Promise<CallView> {
    const call = await this.calls.load(callId);
    assertCallAdmin(principal, call);
    assertCallCan(call, 'start_scoring');
    const applications = await this.applications.ofCall(callId);
    const unchecked = applications.filter((a) => a.state === 'submitted');
    if (unchecked.length > 0)
      throw illegalCallStep(
        call,
        'start_scoring',
        `尚有 ${unchecked.length} 份申报未完成资格审查，请先进行资格审查`,
      );
    const live = liveReviews(await this.reviews.ofCall(callId));
    const short = applications.filter(
      (a) => a.state === 'eligible' && (live.get(a._id)?.length ?? 0) < call.minReviewers,
    );
    if (short.length > 0)
      throw illegalCallStep(
        call,
        'start_scoring',
        `每个项目至少需要 ${call.minReviewers} 位评审专家，尚未指派足够专家的项目：${short.map((a) => a.title).join('、')}`,
      );
    const updated = await this.calls.change(callId, (current) =>
      transition(current, 'start_scoring', principal, this.clock(), null),
    );
    return callView(updated, principal, true);
  }

  /**
   * 汇总排名 once every reviewer has declared and scored, each application scored by at least the call's number of
   * reviewers (conflicted ones do not count): the ranking and the funding it proposes are kept with the call.
   */
  async rank(callId: string, principal: Principal): Promise<RankingView> {
    const call = await this.calls.load(callId);
    assertCallAdmin(principal, call);
    assertCallCan(call, 'rank');
    const eligible = (await this.applications.ofCall(callId)).filter((a) => a.state === 'eligible');
    const live = liveReviews(await this.reviews.ofCall(callId));
    const pending = [...live.values()].flat().filter((r) => PENDING_REVIEW_STATES.includes(r.state));
    if (pending.length > 0)
      throw new AppError(
        'SOCIALORG.REVIEWS_OUTSTANDING',
        `尚有 ${pending.length} 份评审未完成声明或评分，全部完成后才能排名`,
        { pending: pending.map((r) => ({ applicationId: r.applicationId, reviewerId: r.reviewerId })) },
      );
    const sheets = new Map(
      eligible.map((a) => [
        a._id,
        (live.get(a._id) ?? []).filter((r) => r.state === 'submitted').map((r) => r.scores ?? {}),
      ]),
    );
    const short = eligible.filter((a) => (sheets.get(a._id) ?? []).length < call.minReviewers);
    if (short.length > 0)
      throw new AppError(
        'SOCIALORG.REVIEWS_OUTSTANDING',
        `以下项目的有效评分不足 ${call.minReviewers} 份（回避的专家不计），请增派评审专家：${short.map((a) => a.title).join('、')}`,
        { short: short.map((a) => a._id) },
      );
    const entries = rankApplications(
      call,
      eligible.map((a) => ({
        applicationId: a._id,
        orgId: a.orgId,
        orgName: a.orgName,
        streetId: a.streetId,
        title: a.title,
        requestFen: a.requestFen,
        submittedAt: (a.submittedAt ?? a.createdAt).toISOString(),
      })),
      sheets,
    );
    const updated = await this.calls.change(callId, (current) => {
      const now = this.clock();
      return transition(current, 'rank', principal, now, null, {
        set: { ranking: { rankedAt: now, entries } },
      });
    });
    return rankingView(updated);
  }

  async ranking(callId: string, principal: Principal): Promise<RankingView> {
    const call = await this.calls.load(callId);
    assertCallAdmin(principal, call);
    return rankingView(call);
  }
}

const liveReviews = (reviews: readonly Review[]) => {
  const byApplication = new Map<string, Review[]>();
  for (const r of reviews)
    if (r.state !== 'revoked')
      byApplication.set(r.applicationId, [...(byApplication.get(r.applicationId) ?? []), r]);
  return byApplication;
};
