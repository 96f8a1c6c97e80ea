import type { ErrorCode } from '@psc/contracts';
import { AppError } from '@psc/server-kit';
import { expect } from 'vitest';

/**
 * Asserts that `subject` (a promise, or a function that throws or rejects) fails with an `AppError` of `code`, and
 * returns it for the checks that matter beyond the code: its message, details, status.
 */
export async function expectAppError(
  subject: Promise<unknown> | (() => unknown),
  code: ErrorCode,
): Promise<AppError> {
  let error: unknown;
  try {
    await (typeof subject === 'function' ? subject() : subject);
  } catch (thrown) {
    error = thrown;
  }
  if (error === undefined) expect.fail(`expected AppError ${code}, but nothing was thrown`);
  if (!(error instanceof AppError))
    expect.fail(
      `expected AppError ${code}, got ${error instanceof Error ? `${error.name}: ${error.message}` : JSON.stringify(error)}`,
    );
  expect(error.code, error.message).toBe(code);
  return error;
}
