import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogueReads } from './reads';
import { createStaffApi } from './staff-api';
import { useStaffSessionStore } from './staff-session';

const pair = (n: number) => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  expiresIn: 900,
  user: { username: 'counter01', displayName: '窗口演示账号', roles: [] },
});

type Handler = (url: string, init: RequestInit) => Response;

const api = createStaffApi('portal');

function server(handler: Handler) {
  const fetch = vi.fn((url: string, init: RequestInit) => Promise.resolve(handler(url, init)));
  api.configure({ apiBase: '/api', fetch: fetch as unknown as typeof globalThis.fetch });
  return fetch;
}

const bearer = (init: RequestInit) => (init.headers as Record<string, string>).authorization;

describe('the staff API client', () => {
  beforeEach(async () => {
    sessionStorage.clear();
    setActivePinia(createPinia());
    server(() => Response.json(pair(1)));
    await useStaffSessionStore().login(api.bare(), { username: 'counter01', password: 'x' });
  });

  it('renews an expired access token once and repeats the call with the new one', async () => {
    const fetch = server((url, init) => {
      if (url.endsWith('/auth/refresh')) return Response.json(pair(2));
      return bearer(init) === 'Bearer access-2'
        ? Response.json({ ok: true })
        : Response.json({ code: 'AUTH.TOKEN_EXPIRED' }, { status: 401 });
    });
    expect(await api.get('/identity/auth/me')).toEqual({ ok: true });
    expect(fetch.mock.calls.map(([url]) => url)).toEqual([
      '/api/identity/auth/me',
      '/api/identity/auth/refresh',
      '/api/identity/auth/me',
    ]);
    expect(fetch.mock.calls[0][1].headers).toMatchObject({ 'x-screen': 'portal' });
  });

  it('has callers that meet an expired token at the same time share one renewal', async () => {
    const fetch = server((url, init) => {
      if (url.endsWith('/auth/refresh')) return Response.json(pair(2));
      return bearer(init) === 'Bearer access-2'
        ? Response.json({ ok: url })
        : Response.json({ code: 'AUTH.TOKEN_EXPIRED' }, { status: 401 });
    });
    await Promise.all([api.get('/a'), api.post('/b', {})]);
    expect(fetch.mock.calls.filter(([url]) => url.endsWith('/auth/refresh'))).toHaveLength(1);
  });

  it('ends the session on any other 401, without trying to renew', async () => {
    const fetch = server(() =>
      Response.json({ code: 'AUTH.SESSION_ENDED', message: '会话已结束' }, { status: 401 }),
    );
    await expect(api.get('/identity/auth/me')).rejects.toMatchObject({ message: '会话已结束' });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(useStaffSessionStore().signedIn).toBe(false);
  });

  it('passes other refusals through and keeps the session', async () => {
    server(() => Response.json({ code: 'AUTH.FORBIDDEN' }, { status: 403 }));
    await expect(api.post('/identity/accounts', {})).rejects.toMatchObject({ code: 'AUTH.FORBIDDEN' });
    expect(useStaffSessionStore().signedIn).toBe(true);
  });

  it('takes the shared reads', async () => {
    const fetch = server(() => Response.json({ id: 'sz/c-001' }));
    expect(await api.get(catalogueReads.centre('sz/c-001'))).toEqual({ id: 'sz/c-001' });
    expect(fetch).toHaveBeenCalledWith('/api/catalogue/centres/sz%2Fc-001', expect.anything());
  });

  it('says so when used before it was configured', () => {
    expect(() => createStaffApi('counter').bare()).toThrow('configure() has not run');
  });
});
