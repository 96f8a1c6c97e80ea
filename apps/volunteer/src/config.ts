import { authConfigShape } from '@psc/auth';
import { indexKeySetting } from '@psc/pii';
import { baseConfigSchema, sensitive } from '@psc/server-kit';
import { SERVICES } from '@psc/service-registry';
import { existsSync } from 'node:fs';
import { z } from 'zod';

export const volunteerConfigSchema = baseConfigSchema.extend({
  ...authConfigShape,
  PORT: z.coerce
    .number()
    .int()
    .min(1)
    .max(65535)
    .default(SERVICES.volunteer.port)
    .describe('HTTP port of the volunteer service'),
  VOLUNTEER_SIGNING_KEY: indexKeySetting(
    'Ed25519 seed that signs 志愿服务记录证明, <key id>:<base64 of 32 bytes>; its key id is in every certificate',
  ),
  VOLUNTEER_PII_KEYS: sensitive(
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=]{44}(,[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=]{44})*$/, {
        message: 'expected <key id>:<base64 of 32 bytes>[,…], the newest first',
      })
      .describe(
        "keys of volunteers' names, <key id>:<base64 of 32 bytes>, comma-separated; the first encrypts",
      ),
  ),
  PUBLIC_ORIGIN: z
    .url()
    .optional()
    .describe('the public site a certificate QR code points to; the local gateway when unset'),
  CERTIFICATE_FONT: z
    .string()
    .min(1)
    .default('/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc')
    .refine(existsSync, {
      message:
        "no such file: install Debian's fonts-noto-cjk (npm start does so as root) or name another CJK font",
    })
    .describe('font file with CJK glyphs embedded in printed certificates (Debian fonts-noto-cjk)'),
  CERTIFICATE_FONT_FACE: z
    .string()
    .default('NotoSerifCJKsc-Regular')
    .describe('the face inside a font collection (.ttc), by PostScript name'),
  RECONCILE_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(3600)
    .describe('how often the reconciliation proves every balance equals the sum of its entries'),
});

export type VolunteerConfig = z.infer<typeof volunteerConfigSchema>;
