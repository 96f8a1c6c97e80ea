import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { api, configureApi } from '../api/client';
import { useResidentStore } from './resident';

const session = {
  accessToken: 'token-1',
  expiresAt: new Date(Date.now() + 600_000).toISOString(),
  resident: { id: 'r1', name: '张*', idNumber: '110***********003X' },
};

function fakeServer() {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = vi.fn((url: string, init: RequestInit) => {
    calls.push({ url, init });
    if (url.endsWith('/residents/otp'))
      return Promise.resolve(Response.json({ challengeId: 'c1', maskedPhone: '139****0001', expiresAt: '' }));
    if (url.endsWith('/residents/session')) return Promise.resolve(Response.json(session));
    if (url.endsWith('/residents/logout')) return Promise.resolve(new Response(null, { status: 204 }));
    return Promise.resolve(Response.json({ code: 'AUTH.SESSION_ENDED' }, { status: 401 }));
  });
  vi.stubGlobal('fetch', fetch);
  configureApi({ apiBase: '/api', kioskIdleSeconds: 90, centreId: 'sz', devMode: true });
  return calls;
}

describe('useResidentStore', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('binds the token to a fresh kiosk session and sends both with every call', async () => {
    const calls = fakeServer();
    const store = useResidentStore();
    await store.requestOtp({ idNumber: 'x', name: '张三', kioskId: 'k1' });
    await store.verify('123456');
    const { kioskSession } = JSON.parse(calls[1].init.body as string) as { kioskSession: string };
    expect(kioskSession).toMatch(/^[0-9a-f-]{36}$/);
    await api()
      .get('/identity/residents/me/access-log')
      .catch(() => undefined);
    expect(calls[2].init.headers).toMatchObject({
      authorization: 'Bearer token-1',
      'x-kiosk-session': kioskSession,
      'x-screen': 'kiosk',
    });
  });

  it('forgets everything when the server says the session has ended', async () => {
    fakeServer();
    const store = useResidentStore();
    await store.requestOtp({ idNumber: 'x', name: '张三', kioskId: 'k1' });
    await store.verify('123456');
    await expect(api().get('/identity/residents/me')).rejects.toMatchObject({ status: 401 });
    expect(store.signedIn).toBe(false);
    expect(store.resident).toBeUndefined();
  });

  it('logs out on the server and clears the screen even when the network is away', async () => {
    const calls = fakeServer();
    const store = useResidentStore();
    await store.requestOtp({ idNumber: 'x', name: '张三', kioskId: 'k1' });
    await store.verify('123456');
    await store.logout();
    expect(calls.at(-1)?.url).toBe('/api/identity/residents/logout');
    expect(store.signedIn).toBe(false);

    await store.requestOtp({ idNumber: 'x', name: '张三', kioskId: 'k1' });
    await store.verify('123456');
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('offline')));
    await store.logout();
    expect(store.signedIn).toBe(false);
  });
});
