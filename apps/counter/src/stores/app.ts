import type { RuntimeConfig } from '@psc/contracts/ui';
import { defineStore } from 'pinia';
import { ref } from 'vue';

export const useAppStore = defineStore('app', () => {
  const config = ref<RuntimeConfig>();
  return { config };
});
