import { ApiError, createStaffApi } from '@psc/web-data';

/** The portal's calls: the staff client of @psc/web-data, which renews an expired token once. */
export const api = createStaffApi('portal');

const FALLBACK = '操作未能完成，请稍后再试';

/** What to show for a failed call: the service's own (Chinese) message, never a stack or a code. */
export const messageOf = (error: unknown): string => (error instanceof ApiError ? error.message : FALLBACK);
