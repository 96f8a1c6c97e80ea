import { ERROR_CODES, type ErrorCode } from '@psc/contracts';

/** A refusal with a stable code; the message is for a person and defaults to the code's zh-CN text. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_CODES[code].message,
    readonly details?: unknown,
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}
