import { describe, expect, it, vi } from 'vitest';
import { ApiError, createHttp, OFFLINE_MESSAGE } from './http';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('should fail'),
    (e: unknown) => e as ApiError,
  );

describe('createHttp', () => {
  it('sends JSON with the headers of the moment and leaves out empty ones', async () => {
    const fetch = vi.fn().mockResolvedValue(json(200, { ok: 1 }));
    const http = createHttp({
      base: '/api',
      fetch,
      headers: () => ({ authorization: 'Bearer t', 'x-screen': undefined }),
    });
    expect(await http.post('/identity/x', { a: 1 })).toEqual({ ok: 1 });
    expect(fetch).toHaveBeenCalledWith('/api/identity/x', {
      method: 'POST',
      headers: { accept: 'application/json', authorization: 'Bearer t', 'content-type': 'application/json' },
      body: '{"a":1}',
    });
  });

  it('sends a form as it is, leaving its multipart content type to the browser', async () => {
    const fetch = vi.fn().mockResolvedValue(json(201, { fileId: 'f-1' }));
    const http = createHttp({ base: '', fetch });
    const form = new FormData();
    form.set('kind', 'application');
    await http.post('/files', form);
    expect(fetch).toHaveBeenCalledWith('/files', {
      method: 'POST',
      headers: { accept: 'application/json' },
      body: form,
    });
  });

  it('adds the headers given for one request to those of the moment', async () => {
    const fetch = vi.fn((_url: RequestInfo | URL, _init?: RequestInit) =>
      Promise.resolve(json(201, { ok: 1 })),
    );
    const http = createHttp({ base: '', fetch, headers: () => ({ authorization: 'Bearer t' }) });
    await http.post('/x', {}, { 'idempotency-key': 'k-1' });
    await http.post('/x', {});
    expect(fetch.mock.calls.map(([, init]) => init?.headers)).toEqual([
      expect.objectContaining({ authorization: 'Bearer t', 'idempotency-key': 'k-1' }),
      expect.not.objectContaining({ 'idempotency-key': 'k-1' }),
    ]);
  });

  it('keeps the server’s Chinese message, its code and each field message', async () => {
    const body = {
      code: 'COMMON.VALIDATION_FAILED',
      message: '提交的内容有误',
      details: [{ field: 'name', message: '姓名应为 2–20 个字' }, { nonsense: true }],
    };
    const http = createHttp({ base: '', fetch: vi.fn().mockResolvedValue(json(400, body)) });
    const error = await failure(http.post('/x', {}));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'COMMON.VALIDATION_FAILED', message: '提交的内容有误', status: 400 });
    expect(error.field('name')).toBe('姓名应为 2–20 个字');
    expect(error.fields).toHaveLength(1);
  });

  it('falls back to the zh-CN text of the code, or of the status, when the server sent no message', async () => {
    const coded = createHttp({
      base: '',
      fetch: vi.fn().mockResolvedValue(json(423, { code: 'IDENTITY.ACCOUNT_LOCKED' })),
    });
    expect(await failure(coded.get('/x'))).toMatchObject({ message: '账号已锁定，请稍后再试' });
    const bare = createHttp({
      base: '',
      fetch: vi.fn().mockResolvedValue(new Response('<html>', { status: 502 })),
    });
    expect(await failure(bare.get('/x'))).toMatchObject({
      code: 'COMMON.UNAVAILABLE',
      message: '服务暂时不可用，请稍后再试',
    });
  });

  it('says the network is down when the request never reached a server', async () => {
    const http = createHttp({ base: '', fetch: vi.fn().mockRejectedValue(new TypeError('Failed to fetch')) });
    expect(await failure(http.get('/x'))).toMatchObject({
      code: 'NETWORK.OFFLINE',
      message: OFFLINE_MESSAGE,
      status: 0,
    });
  });

  it('reads Retry-After and reports a 401 to the session owner', async () => {
    const onUnauthorized = vi.fn();
    const limited = createHttp({
      base: '',
      fetch: vi
        .fn()
        .mockResolvedValue(
          json(429, { code: 'IDENTITY.OTP_RATE_LIMITED', message: '太频繁' }, { 'retry-after': '42' }),
        ),
    });
    expect(await failure(limited.post('/x'))).toMatchObject({ retryAfterSeconds: 42 });
    const expired = createHttp({
      base: '',
      onUnauthorized,
      fetch: vi.fn().mockResolvedValue(json(401, { code: 'AUTH.TOKEN_EXPIRED' })),
    });
    await failure(expired.get('/x'));
    expect(onUnauthorized).toHaveBeenCalledWith(expect.objectContaining({ code: 'AUTH.TOKEN_EXPIRED' }));
  });

  it('answers undefined for 204', async () => {
    const http = createHttp({
      base: '',
      fetch: vi.fn().mockResolvedValue(new Response(null, { status: 204 })),
    });
    expect(await http.post('/x')).toBeUndefined();
  });

  describe('retrying a save while the services are away', () => {
    const away = () =>
      json(
        503,
        { code: 'COMMON.UNAVAILABLE', message: '服务暂时不可用，请稍后再试' },
        { 'retry-after': '2' },
      );
    const setup = (...answers: (Response | Error)[]) => {
      const fetch = vi.fn();
      for (const answer of answers)
        fetch.mockImplementationOnce(() =>
          answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer),
        );
      const waits: number[] = [];
      const http = createHttp({
        base: '',
        fetch,
        retry: { attempts: 4, baseDelayMs: 1000, maxDelayMs: 3000 },
        sleep: async (ms) => void waits.push(ms),
      });
      return { fetch, waits, http };
    };

    it('sends a keyed request again with the same key until it is saved, saying so before each retry', async () => {
      const { fetch, waits, http } = setup(
        away(),
        new TypeError('Failed to fetch'),
        json(201, { caseNo: 'C-1' }),
      );
      const onRetry = vi.fn<(error: ApiError, attempt: number) => void>();
      expect(await http.post('/cases', { a: 1 }, { 'Idempotency-Key': 'form-key-1' }, { onRetry })).toEqual({
        caseNo: 'C-1',
      });
      expect(fetch.mock.calls.map(([, init]) => (init as RequestInit).headers)).toEqual([
        expect.objectContaining({ 'Idempotency-Key': 'form-key-1' }),
        expect.objectContaining({ 'Idempotency-Key': 'form-key-1' }),
        expect.objectContaining({ 'Idempotency-Key': 'form-key-1' }),
      ]);
      expect(onRetry.mock.calls.map(([error, attempt]) => [error.code, attempt])).toEqual([
        ['COMMON.UNAVAILABLE', 1],
        ['NETWORK.OFFLINE', 2],
      ]);
      // the server's Retry-After (2 s) over the first back-off (1 s), then twice the last back-off
      expect(waits).toEqual([2000, 2000]);
    });

    it('gives up after the policy’s attempts with the last refusal, waiting no longer than the cap', async () => {
      const { fetch, waits, http } = setup(away(), away(), away(), away(), json(201, {}));
      await expect(http.put('/x', {})).rejects.toMatchObject({ code: 'COMMON.UNAVAILABLE', status: 503 });
      expect(fetch).toHaveBeenCalledTimes(4);
      expect(waits).toEqual([2000, 2000, 3000]);
    });

    it('retries a request declared idempotent, and never an unkeyed POST, a read or a refusal', async () => {
      const declared = setup(away(), json(200, { ok: 1 }));
      expect(await declared.http.post('/rating', {}, {}, { idempotent: true })).toEqual({ ok: 1 });
      for (const call of [
        (h: ReturnType<typeof createHttp>) => h.post('/tickets', {}),
        (h: ReturnType<typeof createHttp>) => h.get('/cases'),
      ]) {
        const once = setup(away(), json(200, {}));
        await expect(call(once.http)).rejects.toMatchObject({ code: 'COMMON.UNAVAILABLE' });
        expect(once.fetch).toHaveBeenCalledTimes(1);
      }
      const refused = setup(json(409, { code: 'COMMON.CONFLICT' }), json(200, {}));
      await expect(refused.http.post('/cases', {}, { 'idempotency-key': 'k-1' })).rejects.toMatchObject({
        status: 409,
      });
      expect(refused.fetch).toHaveBeenCalledTimes(1);
    });
  });
});
