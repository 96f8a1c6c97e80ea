import { z } from 'zod';
import { itemContentSchema } from './item';

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
