import type { RuntimeConfig } from '@psc/contracts/ui';
import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import { i18n, type Locale } from '../i18n';

const KIOSK_ID_KEY = 'psc.kiosk-id';

/** A terminal names itself with `?kiosk=<id>` once (set up by the installer); otherwise it makes up a stable id. */
function kioskId(): string {
  const fromUrl = new URLSearchParams(location.search).get('kiosk');
  if (fromUrl && /^[A-Za-z0-9._-]{1,64}$/.test(fromUrl)) localStorage.setItem(KIOSK_ID_KEY, fromUrl);
  let id = localStorage.getItem(KIOSK_ID_KEY);
  if (!id) {
    id = `kiosk-${crypto.randomUUID().slice(0, 8)}`;
    localStorage.setItem(KIOSK_ID_KEY, id);
  }
  return id;
}

/** The terminal itself: where it stands, how it looks for the person in front of it, whether the network is there. */
export const useKioskStore = defineStore('kiosk', () => {
  const config = ref<RuntimeConfig>();
  const id = ref(kioskId());
  const elder = ref(false);
  const locale = ref<Locale>('zh-CN');
  const online = ref(navigator.onLine);

  watch(elder, (on) => document.documentElement.setAttribute('data-elder', String(on)), { immediate: true });
  watch(
    locale,
    (value) => {
      i18n.global.locale.value = value;
      document.documentElement.lang = value;
    },
    { immediate: true },
  );

  /** What the next person must not inherit from the last one. */
  function resetForNextPerson() {
    elder.value = false;
    locale.value = 'zh-CN';
  }

  return { config, id, elder, locale, online, resetForNextPerson };
});
