import { ApiError, createHttp, type Http, type Read, type RequestOptions } from './http';
import { useStaffSessionStore } from './staff-session';

/** The screens that staff sign in to; the name goes out as `x-screen` for the personal-data audit. */
export type StaffScreen = 'counter' | 'portal';

export interface StaffApi extends Http {
  /** Once at boot, from the runtime config; calls made before it fail loudly. */
  configure(options: { apiBase: string; fetch?: typeof fetch }): void;
  /** The session store's own calls (login, refresh, logout) go out as they are. */
  bare(): Http;
}

/**
 * The API as a signed-in member of staff calls it, shared by the counter and the portal. It sends the session's
 * access token; an expired one is renewed once with the rotating refresh token (the session store makes concurrent
 * callers share one renewal) and the call repeated, and any other 401 ends the session.
 */
export function createStaffApi(screen: StaffScreen): StaffApi {
  let raw: Http | undefined;

  function http(): Http {
    if (!raw) throw new Error('configure() has not run');
    return raw;
  }

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

  return {
    configure({ apiBase, fetch }) {
      raw = createHttp({
        base: apiBase,
        fetch,
        headers: () => {
          const token = useStaffSessionStore().accessToken;
          return { 'x-screen': screen, authorization: token ? `Bearer ${token}` : undefined };
        },
      });
    },
    get: <T>(path: string | Read<T>) => withRenewal((h) => h.get<T>(path)),
    post: <T>(path: string, body?: unknown, headers?: Record<string, string>, options?: RequestOptions) =>
      withRenewal((h) => h.post<T>(path, body, headers, options)),
    put: <T>(path: string, body?: unknown, options?: RequestOptions) =>
      withRenewal((h) => h.put<T>(path, body, options)),
    delete: <T>(path: string, options?: RequestOptions) => withRenewal((h) => h.delete<T>(path, options)),
    bare: http,
  };
}
