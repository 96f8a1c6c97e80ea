import { z } from 'zod';

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
