import type { ErrorDefinition } from '../slices';

/** volunteer's error codes, `VOLUNTEER.<CODE>`, each with the zh-CN message a person sees; part of ERROR_CODES. */
export const VOLUNTEER_ERROR_CODES = {} as const satisfies Record<string, ErrorDefinition>;
