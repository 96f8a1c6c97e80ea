import type { StaffLoginRequest } from '@psc/contracts/identity';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Http } from './http';

export interface StaffUser {
  username: string;
  displayName: string;
  roles: { role: string; scope: string }[];
}

interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: StaffUser;
}

const STORAGE_KEY = 'psc.staff-session';

/**
 * The signed-in member of staff, shared by the counter workbench and the portal. Kept in sessionStorage so a reload
 * keeps the session and closing the tab ends it; the access token is renewed with the rotating refresh token.
 */
export const useStaffSessionStore = defineStore('staff-session', () => {
  const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as TokenPair | null;
  const session = ref<TokenPair | null>(saved);
  let renewal: Promise<void> | undefined;

  const user = computed(() => session.value?.user);
  const accessToken = computed(() => session.value?.accessToken);
  const signedIn = computed(() => session.value !== null);

  function keep(pair: TokenPair | null) {
    session.value = pair;
    if (pair) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(pair));
    else sessionStorage.removeItem(STORAGE_KEY);
  }

  async function login(http: Http, request: StaffLoginRequest) {
    keep(await http.post<TokenPair>('/identity/auth/login', request));
  }

  /** One renewal at a time: the refresh token rotates, and a second use of the old one would end the session. */
  function renew(http: Http): Promise<void> {
    const refreshToken = session.value?.refreshToken;
    if (!refreshToken) return Promise.reject(new Error('not signed in'));
    renewal ??= http
      .post<TokenPair>('/identity/auth/refresh', { refreshToken })
      .then(keep, (error: unknown) => {
        keep(null);
        throw error;
      })
      .finally(() => (renewal = undefined));
    return renewal;
  }

  async function logout(http: Http) {
    try {
      if (session.value) await http.post('/identity/auth/logout');
    } finally {
      keep(null);
    }
  }

  const forget = () => keep(null);

  return { user, accessToken, signedIn, login, renew, logout, forget };
});
