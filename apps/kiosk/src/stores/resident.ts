import type { RequestResidentOtpRequest } from '@psc/contracts/identity';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { bindResidentSession } from '../api/client';
import * as identity from '../api/identity';

/**
 * The person identified at this kiosk. The token is bound to a kiosk session id made fresh for each person, and
 * everything here is wiped when they sign out, when the kiosk falls idle, or when the server says the session ended.
 */
export const useResidentStore = defineStore('resident', () => {
  const kioskSession = ref<string>();
  const challenge = ref<identity.OtpChallenge>();
  const session = ref<identity.ResidentSession>();
  let expiryTimer: ReturnType<typeof setTimeout> | undefined;

  const signedIn = computed(() => session.value !== undefined);
  const resident = computed(() => session.value?.resident);

  function clear() {
    clearTimeout(expiryTimer);
    kioskSession.value = undefined;
    challenge.value = undefined;
    session.value = undefined;
  }

  bindResidentSession(
    () => ({
      authorization: session.value ? `Bearer ${session.value.accessToken}` : undefined,
      'x-kiosk-session': session.value ? kioskSession.value : undefined,
    }),
    clear,
  );

  async function requestOtp(request: RequestResidentOtpRequest) {
    challenge.value = await identity.requestOtp(request);
    return challenge.value;
  }

  async function verify(code: string) {
    if (!challenge.value) throw new Error('no code was requested');
    kioskSession.value = crypto.randomUUID();
    const created = await identity.createSession(challenge.value.challengeId, code, kioskSession.value);
    session.value = created;
    challenge.value = undefined;
    clearTimeout(expiryTimer);
    expiryTimer = setTimeout(clear, Math.max(0, Date.parse(created.expiresAt) - Date.now()));
  }

  /** Ends the session on the server too; the screen is cleared even if the network is away. */
  async function logout() {
    try {
      if (session.value) await identity.logout();
    } catch {
      // the token dies on its own within minutes and is bound to a kiosk session nobody else holds
    } finally {
      clear();
    }
  }

  return { challenge, signedIn, resident, requestOtp, verify, logout, clear };
});
