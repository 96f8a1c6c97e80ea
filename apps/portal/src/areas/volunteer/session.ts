import type {
  CreateResidentSessionResponse,
  RequestResidentOtpRequest,
  RequestResidentOtpResponse,
} from '@psc/contracts/identity';
import { createHttp, loadRuntimeConfig, type Http } from '@psc/web-data';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';

// identity limits codes per "kiosk" too; one shared id would let 120 portal sign-ins an hour city-wide, so each tab
// is its own and the per-ID-number and per-phone limits do the guarding
const PORTAL_KIOSK_ID = `portal-${crypto.randomUUID().slice(0, 8)}`;

let config: Promise<{ apiBase: string }> | undefined;

/**
 * A volunteer signed in to the portal the way they identify at the kiosk: real name, ID number and a one-time code
 * to the phone on record. The token lives in memory only and dies with the tab or when the server ends it.
 */
export const useResidentSessionStore = defineStore('portal-resident', () => {
  const session = ref<CreateResidentSessionResponse>();
  const challenge = ref<RequestResidentOtpResponse>();
  // the token is bound to this id as a kiosk's is: a token lifted from the page is useless without it
  let sessionId: string | undefined;
  let http: Http | undefined;

  const signedIn = computed(() => session.value !== undefined);

  function forget() {
    session.value = undefined;
    challenge.value = undefined;
    sessionId = undefined;
  }

  async function client(): Promise<Http> {
    config ??= loadRuntimeConfig();
    const { apiBase } = await config;
    http ??= createHttp({
      base: apiBase,
      headers: () => ({
        'x-screen': 'portal',
        authorization: session.value ? `Bearer ${session.value.accessToken}` : undefined,
        'x-kiosk-session': session.value ? sessionId : undefined,
      }),
      onUnauthorized: forget,
    });
    return http;
  }

  async function requestOtp(request: Omit<RequestResidentOtpRequest, 'kioskId'>) {
    const h = await client();
    challenge.value = await h.post<RequestResidentOtpResponse>('/identity/residents/otp', {
      ...request,
      kioskId: PORTAL_KIOSK_ID,
    });
    return challenge.value;
  }

  async function verify(code: string) {
    if (!challenge.value) throw new Error('no code was requested');
    const h = await client();
    sessionId = crypto.randomUUID();
    session.value = await h.post<CreateResidentSessionResponse>('/identity/residents/session', {
      challengeId: challenge.value.challengeId,
      code,
      kioskSession: sessionId,
    });
    challenge.value = undefined;
  }

  async function logout() {
    try {
      if (session.value) await (await client()).post<void>('/identity/residents/logout');
    } finally {
      forget();
    }
  }

  return { session, challenge, signedIn, client, requestOtp, verify, logout, forget };
});
