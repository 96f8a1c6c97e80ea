import {
  type ApplicationState,
  type ApplicationView,
  applicationAllowedActions,
  ORGANISATION_APPLICATION_ACTIONS,
} from '@psc/contracts/socialorg';
import type { Call } from '../calls/call.model';
import type { Review } from '../scoring/review.model';
import { reviewSummary } from '../scoring/review-steps';
import type { Application } from './application.model';

/** Who reads an application: its own organisation, the call's administrators, or a reviewer assigned to it. */
export type ApplicationReader = 'organisation' | 'admin' | 'reviewer';

const AWARD_DECIDED: readonly Call['state'][] = ['awarded', 'concluded'];
// from the 公示 on, an organisation may know where it stands
const RESULT_PUBLIC: readonly Call['state'][] = ['publicised', 'awarded', 'concluded'];

/** An eligible application's stage, read from its reviews and its call's ranking and award. */
export function applicationStage(
  application: Application,
  call: Call,
  reviews: readonly Review[],
): ApplicationState {
  if (application.state !== 'eligible') return application.state;
  if (AWARD_DECIDED.includes(call.state))
    return call.awards.some((a) => a.applicationId === application._id) ? 'awarded' : 'not_awarded';
  if (call.ranking?.entries.some((e) => e.applicationId === application._id)) return 'ranked';
  return reviewSummary(reviews).complete ? 'scored' : 'eligible';
}

export function applicationView(
  application: Application,
  call: Call,
  reviews: readonly Review[],
  reader: ApplicationReader,
): ApplicationView {
  const entry = call.ranking?.entries.find((e) => e.applicationId === application._id);
  const showResult =
    entry && (reader === 'admin' || (reader === 'organisation' && RESULT_PUBLIC.includes(call.state)));
  const summary = reviewSummary(reviews);
  const { _id, orgSlot: _slot, streetId: _street, createdBy: _by, ...content } = application;
  return {
    ...content,
    applicationId: _id,
    state: applicationStage(application, call, reviews),
    allowedActions:
      reader === 'organisation' && call.state === 'open'
        ? applicationAllowedActions(application.state).filter((a): a is 'submit' | 'withdraw' =>
            (ORGANISATION_APPLICATION_ACTIONS as readonly string[]).includes(a),
          )
        : [],
    createdAt: application.createdAt.toISOString(),
    submittedAt: application.submittedAt?.toISOString() ?? null,
    eligibility: application.eligibility && {
      ...application.eligibility,
      checkedAt: application.eligibility.checkedAt.toISOString(),
    },
    reviews:
      reader === 'admin'
        ? { assigned: summary.assigned, conflicted: summary.conflicted, submitted: summary.submitted }
        : null,
    result: showResult
      ? {
          rank: entry.rank,
          total: entry.total,
          passed: entry.passed,
          funded: entry.funded,
          fundedFen: entry.fundedFen,
        }
      : null,
  };
}
