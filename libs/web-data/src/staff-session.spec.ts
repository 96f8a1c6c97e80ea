import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Http } from './http';
import { useStaffSessionStore } from './staff-session';

const pair = (n: number) => ({
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  expiresIn: 900,
  user: { username: 'counter01', displayName: '窗口一号', roles: [{ role: 'counter_staff', scope: 'sz' }] },
});

const fakeHttp = (post: Http['post']): Http => ({ get: vi.fn(), put: vi.fn(), delete: vi.fn(), post });

describe('useStaffSessionStore', () => {
  beforeEach(() => {
    sessionStorage.clear();
    setActivePinia(createPinia());
  });

  it('signs in and survives a reload of the page', async () => {
    const store = useStaffSessionStore();
    await store.login(fakeHttp(vi.fn().mockResolvedValue(pair(1))), { username: 'counter01', password: 'x' });
    expect(store.user?.displayName).toBe('窗口一号');
    setActivePinia(createPinia());
    expect(useStaffSessionStore().accessToken).toBe('access-1');
  });

  it('renews once however many callers ask at the same time', async () => {
    const store = useStaffSessionStore();
    await store.login(fakeHttp(vi.fn().mockResolvedValue(pair(1))), { username: 'counter01', password: 'x' });
    const post = vi.fn().mockResolvedValue(pair(2));
    await Promise.all([store.renew(fakeHttp(post)), store.renew(fakeHttp(post))]);
    expect(post).toHaveBeenCalledTimes(1);
    expect(post).toHaveBeenCalledWith('/identity/auth/refresh', { refreshToken: 'refresh-1' });
    expect(store.accessToken).toBe('access-2');
  });

  it('forgets the session when renewal is refused, and on logout even if the server is away', async () => {
    const store = useStaffSessionStore();
    await store.login(fakeHttp(vi.fn().mockResolvedValue(pair(1))), { username: 'counter01', password: 'x' });
    await expect(store.renew(fakeHttp(vi.fn().mockRejectedValue(new Error('reused'))))).rejects.toThrow(
      'reused',
    );
    expect(store.signedIn).toBe(false);
    await store.login(fakeHttp(vi.fn().mockResolvedValue(pair(3))), { username: 'counter01', password: 'x' });
    await expect(store.logout(fakeHttp(vi.fn().mockRejectedValue(new Error('offline'))))).rejects.toThrow(
      'offline',
    );
    expect(store.signedIn).toBe(false);
    expect(sessionStorage.length).toBe(0);
  });
});
