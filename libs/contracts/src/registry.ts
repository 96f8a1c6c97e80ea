import type { z } from 'zod';
import {
  affairsCaseOpenedV1,
  affairsCaseRatingInvitedV1,
  affairsCaseRectifiedV1,
  affairsCaseSlaAlertedV1,
  affairsPromiseOverdueV1,
  affairsRectificationOverdueV1,
  affairsCaseTransitionedV1,
  affairsTicketCalledV1,
  affairsTicketClosedV1,
  affairsTicketIssuedV1,
} from './affairs/events';
import { catalogueItemDraftedV1, catalogueItemPublishedV1 } from './catalogue/events';
import { identityPiiAccessedV1 } from './identity/events';
import { eventEnvelopeSchema, type EventEnvelope } from './envelope';
import { TOPICS, type Topic } from './topics';

interface EventDefinition {
  topic: Topic;
  version: number;
  schema: z.ZodType;
}

/** type → topic, current version and data schema: publish, consume and the AsyncAPI document all read this. */
export const EVENTS = {
  'catalogue.item.drafted': { topic: TOPICS.catalogueItem, version: 1, schema: catalogueItemDraftedV1 },
  'catalogue.item.published': { topic: TOPICS.catalogueItem, version: 1, schema: catalogueItemPublishedV1 },
  'identity.pii.accessed': { topic: TOPICS.identityPii, version: 1, schema: identityPiiAccessedV1 },
  'affairs.case.opened': { topic: TOPICS.affairsCase, version: 1, schema: affairsCaseOpenedV1 },
  'affairs.case.transitioned': { topic: TOPICS.affairsCase, version: 1, schema: affairsCaseTransitionedV1 },
  'affairs.case.rating-invited': {
    topic: TOPICS.affairsCase,
    version: 1,
    schema: affairsCaseRatingInvitedV1,
  },
  'affairs.case.rectified': { topic: TOPICS.affairsCase, version: 1, schema: affairsCaseRectifiedV1 },
  'affairs.case.sla-alerted': { topic: TOPICS.affairsCase, version: 1, schema: affairsCaseSlaAlertedV1 },
  'affairs.case.rectification-overdue': {
    topic: TOPICS.affairsCase,
    version: 1,
    schema: affairsRectificationOverdueV1,
  },
  'affairs.case.promise-overdue': { topic: TOPICS.affairsCase, version: 1, schema: affairsPromiseOverdueV1 },
  'affairs.queue.ticket-issued': { topic: TOPICS.affairsQueue, version: 1, schema: affairsTicketIssuedV1 },
  'affairs.queue.ticket-called': { topic: TOPICS.affairsQueue, version: 1, schema: affairsTicketCalledV1 },
  'affairs.queue.ticket-closed': { topic: TOPICS.affairsQueue, version: 1, schema: affairsTicketClosedV1 },
} as const satisfies Record<string, EventDefinition>;

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
