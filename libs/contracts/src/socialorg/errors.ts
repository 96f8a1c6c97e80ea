import type { ErrorDefinition } from '../slices';

/** socialorg's error codes, `SOCIALORG.<CODE>`, each with the zh-CN message a person sees; part of ERROR_CODES. */
export const SOCIALORG_ERROR_CODES = {} as const satisfies Record<string, ErrorDefinition>;
