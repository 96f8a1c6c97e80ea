import type { ErrorDefinition } from '../slices';
import { AGREEMENTS_ERROR_CODES } from './agreements.errors';
import { CALLS_ERROR_CODES } from './calls.errors';
import { FILES_ERROR_CODES } from './files.registry';
import { INCUBATION_ERROR_CODES } from './incubation.registry';
import { LISTS_ERROR_CODES } from './lists.registry';
import { ORGANISATION_ERROR_CODES } from './organisation.registry';
import { SCORING_ERROR_CODES } from './scoring.errors';
import { SUBSIDIES_ERROR_CODES } from './subsidies.errors';

/** socialorg's error codes, `SOCIALORG.<CODE>`, each with the zh-CN message a person sees; part of ERROR_CODES. */
export const SOCIALORG_ERROR_CODES = {
  ...ORGANISATION_ERROR_CODES,
  ...INCUBATION_ERROR_CODES,
  ...LISTS_ERROR_CODES,
  ...FILES_ERROR_CODES,
  ...CALLS_ERROR_CODES,
  ...SCORING_ERROR_CODES,
  ...AGREEMENTS_ERROR_CODES,
  ...SUBSIDIES_ERROR_CODES,
} as const satisfies Record<string, ErrorDefinition>;
