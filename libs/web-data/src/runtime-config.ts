import { type RuntimeConfig, runtimeConfigSchema } from '@psc/contracts/ui';

/** Reads `/config.json` from the gateway that served the page; a UI cannot start without it. */
export async function loadRuntimeConfig(fetchImpl: typeof fetch = fetch): Promise<RuntimeConfig> {
  const response = await fetchImpl('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`/config.json answered ${response.status}`);
  return runtimeConfigSchema.parse(await response.json());
}
