import { orgsOf, type Principal } from '@psc/auth';
import { AppError } from '@psc/server-kit';
import type { Call } from '../calls/call.model';
import { administers } from '../calls/call-access';
import type { Review } from '../scoring/review.model';
import type { Application } from './application.model';
import type { ApplicationReader } from './application-view';

/**
 * Who may read an application: its organisation's staff; the call's administrators once it is submitted (a draft
 * is the organisation's own); a reviewer assigned to it. Anyone else — another organisation above all — is refused.
 */
export function readerOf(
  principal: Principal,
  application: Application,
  call: Call,
  reviews: readonly Review[],
): ApplicationReader {
  if (principal.kind === 'staff' && orgsOf(principal).includes(application.orgId)) return 'organisation';
  if (administers(principal, call) && application.state !== 'draft') return 'admin';
  const assigned = reviews.some((r) => r.reviewerId === principal.sub && r.state !== 'revoked');
  if (assigned && principal.roles.some((g) => g.role === 'expert_reviewer')) return 'reviewer';
  throw new AppError('AUTH.OUT_OF_SCOPE', '只能查看本组织的申报');
}
