import type { RuntimeConfig } from '@psc/contracts/ui';
import { ApiError, createHttp, type Http, useStaffSessionStore } from '@psc/web-data';

let raw: Http | undefined;

export function configureApi(config: RuntimeConfig): void {
  raw = createHttp({
    base: config.apiBase,
    headers: () => {
      const token = useStaffSessionStore().accessToken;
      return { 'x-screen': 'counter', authorization: token ? `Bearer ${token}` : undefined };
    },
  });
}

function http(): Http {
  if (!raw) throw new Error('configureApi() has not run');
  return raw;
}

/** An expired access token is renewed once with the refresh token and the call repeated; any other 401 ends the session. */
async function withRenewal<T>(call: (h: Http) => Promise<T>): Promise<T> {
  const session = useStaffSessionStore();
  try {
    return await call(http());
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401 || !session.signedIn) throw error;
    if (error.code !== 'AUTH.TOKEN_EXPIRED') {
      session.forget();
      throw error;
    }
    await session.renew(http());
    return call(http());
  }
}

export const api = {
  get: <T>(path: string) => withRenewal((h) => h.get<T>(path)),
  post: <T>(path: string, body?: unknown, headers?: Record<string, string>) =>
    withRenewal((h) => h.post<T>(path, body, headers)),
  put: <T>(path: string, body?: unknown) => withRenewal((h) => h.put<T>(path, body)),
  delete: <T>(path: string) => withRenewal((h) => h.delete<T>(path)),
  /** the session store's own calls (login, refresh, logout) go out as they are */
  bare: () => http(),
};
