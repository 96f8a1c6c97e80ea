import { ApiError } from '@psc/web-data';
import { ref } from 'vue';

/** Runs a store's load for a view: whether it is under way, and the Chinese message when it failed. */
export function useLoader(load: () => Promise<void>) {
  const loading = ref(false);
  const error = ref<string>();

  async function run(): Promise<void> {
    loading.value = true;
    error.value = undefined;
    try {
      await load();
    } catch (e) {
      // anything but a refusal or a network failure is a bug and must surface
      if (!(e instanceof ApiError)) throw e;
      error.value = e.message;
    } finally {
      loading.value = false;
    }
  }

  return { loading, error, run };
}
