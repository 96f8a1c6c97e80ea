import { ERROR_CODES, type ErrorCode } from '@psc/contracts';

export interface FieldError {
  field: string;
  message: string;
}

/**
 * A refusal or failure as a screen shows it: `message` is the server's Chinese message when it sent one, else the
 * zh-CN text of the code, so a person always reads what went wrong; `code` stays stable for the program.
 */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | 'NETWORK.OFFLINE',
    message: string,
    readonly status: number,
    readonly fields: FieldError[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The message for one form field, if the server named it. */
  field(name: string): string | undefined {
    return this.fields.find((f) => f.field === name)?.message;
  }
}

export const OFFLINE_MESSAGE = '网络连接中断，请稍后再试';

const isErrorCode = (code: unknown): code is ErrorCode =>
  typeof code === 'string' && Object.hasOwn(ERROR_CODES, code);

async function toApiError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as {
    code?: unknown;
    message?: unknown;
    details?: unknown;
  };
  const code = isErrorCode(body.code) ? body.code : statusCode(response.status);
  const message = typeof body.message === 'string' && body.message ? body.message : ERROR_CODES[code].message;
  const fields = Array.isArray(body.details)
    ? (body.details as unknown[]).filter(
        (d): d is FieldError =>
          typeof (d as FieldError)?.field === 'string' && typeof (d as FieldError)?.message === 'string',
      )
    : [];
  const retryAfter = Number(response.headers.get('retry-after'));
  return new ApiError(
    code,
    message,
    response.status,
    fields,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
}

function statusCode(status: number): ErrorCode {
  if (status === 401) return 'AUTH.TOKEN_INVALID';
  if (status === 403) return 'AUTH.FORBIDDEN';
  if (status === 404) return 'COMMON.NOT_FOUND';
  if (status === 409) return 'COMMON.CONFLICT';
  if (status === 413) return 'COMMON.PAYLOAD_TOO_LARGE';
  if (status === 429) return 'COMMON.RATE_LIMITED';
  if (status === 503 || status === 502 || status === 504) return 'COMMON.UNAVAILABLE';
  if (status >= 400 && status < 500) return 'COMMON.VALIDATION_FAILED';
  return 'COMMON.INTERNAL';
}

/**
 * How a save is tried again while the services say they are away (503/502/504) or the network is: `attempts` in all,
 * waiting the server's `Retry-After` or twice as long as last time, from `baseDelayMs` up to `maxDelayMs`.
 */
export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** About 40 s of trying: long enough for a store or broker restart, short enough that a person is told. */
export const SAVE_RETRY: RetryPolicy = { attempts: 8, baseDelayMs: 1000, maxDelayMs: 8000 };

export interface RequestOptions {
  /** called before each automatic retry, so a screen can say it is still trying ("暂时无法保存，正在重试…") */
  onRetry?: (error: ApiError, attempt: number) => void;
  /** the request changes nothing when repeated (a rating is recorded once per case), so it may be retried */
  idempotent?: boolean;
}

export interface HttpOptions {
  /** e.g. `/api`, from the runtime config */
  base: string;
  /** headers sent with every request: the access token, the kiosk session, the screen name for the audit */
  headers?: () => Record<string, string | undefined>;
  /** called once per 401 so a store can drop a dead session */
  onUnauthorized?: (error: ApiError) => void;
  fetch?: typeof fetch;
  retry?: RetryPolicy;
  /** how a retry waits; tests pass one that does not */
  sleep?: (ms: number) => Promise<void>;
}

/** A read the screens share (see `reads.ts`): where it goes, typed with what it answers. */
export interface Read<T> {
  readonly path: string;
  /** never set: carries the answer's type */
  readonly answer?: T;
}

/**
 * Reads are never retried here (a screen shows its failure, or what it kept, at once); PUT and DELETE, a POST that
 * carries an `Idempotency-Key` and one declared `idempotent` are, because sending them twice does what once does.
 */
export interface Http {
  get<T>(path: string | Read<T>): Promise<T>;
  /** `headers` are for this request alone, e.g. an `Idempotency-Key` that belongs to one form */
  post<T>(
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
    options?: RequestOptions,
  ): Promise<T>;
  put<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  delete<T>(path: string, options?: RequestOptions): Promise<T>;
}

const isAway = (error: ApiError) => error.code === 'NETWORK.OFFLINE' || error.code === 'COMMON.UNAVAILABLE';

const repeatable = (method: string, headers: Record<string, string>, options: RequestOptions) =>
  method === 'PUT' ||
  method === 'DELETE' ||
  options.idempotent === true ||
  Object.keys(headers).some((name) => name.toLowerCase() === 'idempotency-key');

/** The one way a UI talks to the services: JSON in and out, every failure an ApiError with a Chinese message. */
export function createHttp(options: HttpOptions): Http {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const policy = options.retry ?? SAVE_RETRY;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  async function request<T>(
    method: string,
    path: string,
    body?: unknown,
    extra: Record<string, string> = {},
    perRequest: RequestOptions = {},
  ): Promise<T> {
    const attempts = repeatable(method, extra, perRequest) ? policy.attempts : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await send<T>(method, path, body, extra);
      } catch (error) {
        if (!(error instanceof ApiError) || !isAway(error) || attempt >= attempts) throw error;
        perRequest.onRetry?.(error, attempt);
        const backoff = policy.baseDelayMs * 2 ** (attempt - 1);
        await sleep(Math.min(policy.maxDelayMs, Math.max(backoff, (error.retryAfterSeconds ?? 0) * 1000)));
      }
    }
  }

  async function send<T>(
    method: string,
    path: string,
    body: unknown,
    extra: Record<string, string>,
  ): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    for (const [name, value] of Object.entries({ ...options.headers?.(), ...extra }))
      if (value) headers[name] = value;
    // a form (a file upload) goes as multipart, with the boundary the browser writes into its content type
    const form = body instanceof FormData;
    if (body !== undefined && !form) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(`${options.base}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : form ? body : JSON.stringify(body),
      });
    } catch {
      throw new ApiError('NETWORK.OFFLINE', OFFLINE_MESSAGE, 0);
    }
    if (!response.ok) {
      const error = await toApiError(response);
      if (response.status === 401) options.onUnauthorized?.(error);
      throw error;
    }
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
  return {
    get: (path) => request('GET', typeof path === 'string' ? path : path.path),
    post: (path, body, headers, perRequest) => request('POST', path, body, headers, perRequest),
    put: (path, body, perRequest) => request('PUT', path, body, {}, perRequest),
    delete: (path, perRequest) => request('DELETE', path, undefined, {}, perRequest),
  };
}
