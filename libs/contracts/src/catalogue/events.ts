import { z } from 'zod';
import { itemContentSchema } from './item';
import type { EventDefinition } from '../slices';

export const catalogueItemDraftedV1 = z.object({
  itemId: z.string().min(1),
  code: z.string().min(1),
  name: z.string().min(1),
  theme: z.string().min(1),
});

/**
 * A new immutable version of an item, with everything in it: services that open cases keep their own copy of each
 * version from these events and never call the catalogue synchronously.
 */
export const catalogueItemPublishedV1 = z.object({
  code: z.string().min(1),
  version: z.number().int().positive(),
  publishedAt: z.string().datetime(),
  content: itemContentSchema,
});

/**
 * A room booking and what became of it. No resident identity: insight counts room use per centre, room and slot,
 * and a group's name is an organisation's, not a person's.
 */
export const catalogueRoomBookingV1 = z.object({
  bookingId: z.string().min(1),
  roomRef: z.string().min(1),
  centreId: z.string().min(1),
  roomId: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  start: z.string(),
  end: z.string(),
  party: z.enum(['personal', 'group']),
  groupName: z.string().nullable(),
  attendees: z.number().int().positive(),
  at: z.string().datetime(),
});

export const CATALOGUE_TOPICS = {
  catalogueItem: 'catalogue.item.v1',
  catalogueRoom: 'catalogue.room.v1',
} as const;

const roomEvent = {
  topic: CATALOGUE_TOPICS.catalogueRoom,
  version: 1,
  schema: catalogueRoomBookingV1,
} as const;

export const CATALOGUE_EVENTS = {
  'catalogue.item.drafted': {
    topic: CATALOGUE_TOPICS.catalogueItem,
    version: 1,
    schema: catalogueItemDraftedV1,
  },
  'catalogue.item.published': {
    topic: CATALOGUE_TOPICS.catalogueItem,
    version: 1,
    schema: catalogueItemPublishedV1,
  },
  'catalogue.room.booked': roomEvent,
  'catalogue.room.cancelled': roomEvent,
  'catalogue.room.attended': roomEvent,
  /** the booker did not come: recorded by staff once the slot has begun */
  'catalogue.room.missed': roomEvent,
} as const satisfies Record<string, EventDefinition>;
