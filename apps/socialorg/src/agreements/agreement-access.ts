import { orgsOf, type Principal } from '@psc/auth';
import { AppError } from '@psc/server-kit';
import type { Call } from '../calls/call.model';
import { administers } from '../calls/call-access';
import type { Agreement } from './agreement.model';

/** An agreement is its organisation's and its call's administrators' to read; nobody else's. */
export function assertMayRead(principal: Principal, agreement: Agreement, call: Call): void {
  if (administers(principal, call)) return;
  if (principal.kind === 'staff' && orgsOf(principal).includes(agreement.orgId)) return;
  throw new AppError('AUTH.OUT_OF_SCOPE', '只能查看本组织的项目协议');
}
