import type { z } from 'zod';
import { itemContentSchema } from './item';
import type { DeliveryMode, HandlingMode, ThemeCode } from './item';

/** A new item starts as a draft with at least its code, name and theme; the rest may follow before publishing. */
export const createItemDraftRequest = itemContentSchema;
export type CreateItemDraftRequest = z.input<typeof createItemDraftRequest>;

/** The whole draft as the editor now has it; the code never changes (cases refer to it). */
export const updateItemDraftRequest = itemContentSchema.omit({ code: true });
export type UpdateItemDraftRequest = z.input<typeof updateItemDraftRequest>;

/** What a list or a search shows of an item (its latest published version). */
export interface ItemSummary {
  code: string;
  name: string;
  theme: ThemeCode;
  mode: HandlingMode;
  version: number;
  summary: string;
  visits: 0 | 1;
  online: boolean;
  promisedDays: number;
  feeFen: number;
  delivery: DeliveryMode[];
  popularity: number;
}

export interface ThemeCount {
  code: ThemeCode;
  name: string;
  count: number;
}

export interface SearchResponse {
  query: string;
  results: ItemSummary[];
}
