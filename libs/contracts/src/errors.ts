import { AFFAIRS_ERROR_CODES } from './affairs/errors';
import { CATALOGUE_ERROR_CODES } from './catalogue/errors';
import { COMMON_ERROR_CODES } from './common/errors';
import { IDENTITY_ERROR_CODES } from './identity/errors';
import { mergeSlices } from './slices';
import { SOCIALORG_ERROR_CODES } from './socialorg/errors';
import { VOLUNTEER_ERROR_CODES } from './volunteer/errors';

/** Each service's codes (`<SERVICE>.<CODE>`), kept in its own slice; COMMON and AUTH codes are everyone's. */
export const ERROR_CODE_SLICES = {
  common: COMMON_ERROR_CODES,
  catalogue: CATALOGUE_ERROR_CODES,
  identity: IDENTITY_ERROR_CODES,
  affairs: AFFAIRS_ERROR_CODES,
  socialorg: SOCIALORG_ERROR_CODES,
  volunteer: VOLUNTEER_ERROR_CODES,
} as const;

/** Stable error codes across services, each with the zh-CN message a person sees when the server gives none. */
export const ERROR_CODES = mergeSlices(ERROR_CODE_SLICES);

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
  correlationId?: string;
}
