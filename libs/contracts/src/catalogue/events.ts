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

export const CATALOGUE_TOPICS = { catalogueItem: 'catalogue.item.v1' } as const;

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
} as const satisfies Record<string, EventDefinition>;
