import { z } from 'zod';

/** The one envelope every event travels in; `id` is the dedup key, `key` the aggregate id (Kafka message key). */
export const eventEnvelopeSchema = z.object({
  id: z.uuid(),
  type: z.string().regex(/^[a-z]+(\.[a-z][a-z-]*){2}$/, 'type must be <service>.<aggregate>.<verb>'),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime(),
  producer: z.string().min(1),
  key: z.string().min(1),
  data: z.unknown(),
});

export type EventEnvelope<D = unknown> = Omit<z.infer<typeof eventEnvelopeSchema>, 'data'> & { data: D };
