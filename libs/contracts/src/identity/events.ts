import { z } from 'zod';
import type { EventDefinition } from '../slices';

/**
 * One access to a resident's personal data (个人信息保护法 art. 51/55: who, what, when, why). Carries field names,
 * never values, so the topic itself holds no personal data beyond the ids.
 */
export const identityPiiAccessedV1 = z.object({
  auditId: z.string().min(1),
  subjectId: z.string().min(1),
  actorId: z.string().min(1),
  /** `system`: the service itself, e.g. reading a phone number to send a text the resident is owed */
  actorKind: z.enum(['staff', 'resident', 'system']),
  actorRole: z.string().min(1),
  action: z.enum(['read', 'create', 'update']),
  fields: z.array(z.string().min(1)).min(1),
  /** fields shown in full rather than masked */
  revealed: z.array(z.string().min(1)),
  screen: z.enum(['kiosk', 'counter', 'portal', 'api']),
  purpose: z.string().min(1).max(100),
  at: z.iso.datetime(),
});
export type IdentityPiiAccessedV1 = z.infer<typeof identityPiiAccessedV1>;

export const IDENTITY_TOPICS = { identityPii: 'identity.pii.v1' } as const;

export const IDENTITY_EVENTS = {
  'identity.pii.accessed': { topic: IDENTITY_TOPICS.identityPii, version: 1, schema: identityPiiAccessedV1 },
} as const satisfies Record<string, EventDefinition>;
