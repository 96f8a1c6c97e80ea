import type { z } from 'zod';
import { AFFAIRS_EVENTS } from './affairs/events';
import { CATALOGUE_EVENTS } from './catalogue/events';
import { IDENTITY_EVENTS } from './identity/events';
import { eventEnvelopeSchema, type EventEnvelope } from './envelope';
import { mergeSlices } from './slices';
import { SOCIALORG_EVENTS } from './socialorg/events';
import { VOLUNTEER_EVENTS } from './volunteer/events';

/** Each producing service's events, from its own `<service>/events.ts`. */
export const EVENT_SLICES = {
  catalogue: CATALOGUE_EVENTS,
  identity: IDENTITY_EVENTS,
  affairs: AFFAIRS_EVENTS,
  socialorg: SOCIALORG_EVENTS,
  volunteer: VOLUNTEER_EVENTS,
} as const;

/** type → topic, current version and data schema: publish, consume and the AsyncAPI document all read this. */
export const EVENTS = mergeSlices(EVENT_SLICES);

export type EventType = keyof typeof EVENTS;
export type EventData<T extends EventType> = z.infer<(typeof EVENTS)[T]['schema']>;
export type DomainEvent<T extends EventType = EventType> = EventEnvelope<EventData<T>> & { type: T };

export const isEventType = (type: string): type is EventType => Object.hasOwn(EVENTS, type);

export type ParsedEvent = { ok: true; event: DomainEvent } | { ok: false; reason: string };

const describe = (error: z.ZodError) =>
  error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');

/** Validates envelope, type, version and data; the reason names every failing field. */
export function parseEvent(raw: unknown): ParsedEvent {
  const envelope = eventEnvelopeSchema.safeParse(raw);
  if (!envelope.success) return { ok: false, reason: `envelope invalid: ${describe(envelope.error)}` };
  const { type, version } = envelope.data;
  if (!isEventType(type)) return { ok: false, reason: `unknown event type ${type}` };
  const definition = EVENTS[type];
  if (version !== definition.version) {
    return { ok: false, reason: `${type} version ${version} unsupported (expected ${definition.version})` };
  }
  const data = definition.schema.safeParse(envelope.data.data);
  if (!data.success) return { ok: false, reason: `${type} data invalid: ${describe(data.error)}` };
  return { ok: true, event: { ...envelope.data, type, data: data.data } };
}

/** Builds an envelope for `type`, validating the data the same way consumers will. */
export function buildEvent<T extends EventType>(
  type: T,
  key: string,
  data: EventData<T>,
  producer: string,
  now: Date = new Date(),
): DomainEvent<T> {
  const definition = EVENTS[type];
  const parsed = definition.schema.safeParse(data);
  if (!parsed.success) throw new Error(`refusing to publish invalid ${type}: ${describe(parsed.error)}`);
  return {
    id: crypto.randomUUID(),
    type,
    version: definition.version,
    occurredAt: now.toISOString(),
    producer,
    key,
    data: parsed.data as EventData<T>,
  };
}
