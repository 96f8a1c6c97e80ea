import type { Centre } from '@psc/contracts/catalogue';
import type { RuntimeConfig } from '@psc/contracts/ui';
import { useStaffSessionStore } from '@psc/web-data';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { workbenchCentre } from '../access';
import { fetchCentre } from '../api/catalogue';

export const useAppStore = defineStore('app', () => {
  const config = ref<RuntimeConfig>();
  const session = useStaffSessionStore();
  /** the centre whose queue and cases this workbench shows */
  const centreId = computed(() => workbenchCentre(session.user, config.value?.centreId ?? ''));
  const centre = ref<Centre>();

  /** Its name and address, for the header and the printed notices. */
  async function loadCentre(): Promise<void> {
    if (centre.value?.id !== centreId.value) centre.value = await fetchCentre(centreId.value);
  }

  return { config, centreId, centre, loadCentre };
});
