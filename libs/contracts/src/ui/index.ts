import { z } from 'zod';

/** What the gateway serves at `/config.json` and every UI reads at boot (conventions §3.5). No secrets here. */
export const runtimeConfigSchema = z.object({
  apiBase: z.string(),
  kioskIdleSeconds: z.number().int().positive(),
  centreId: z.string(),
  devMode: z.boolean(),
});
export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;
