import { z } from 'zod';
import { centreSchema, DELIVERY_MODES, type DeliveryMode, HANDLING_MODES, type HandlingMode } from './item';
import { itemContentSchema, THEME_CODES } from './item';

/** A new item starts as a draft with at least its code, name and theme; the rest may follow before publishing. */
export const createItemDraftRequest = itemContentSchema;
export type CreateItemDraftRequest = z.input<typeof createItemDraftRequest>;

/** The whole draft as the editor now has it; the code never changes (cases refer to it). */
export const updateItemDraftRequest = itemContentSchema.omit({ code: true });
export type UpdateItemDraftRequest = z.input<typeof updateItemDraftRequest>;

const instant = z.iso.datetime();

/** `If-Match: <revision>` names the draft revision the editor changed; a newer one means someone else got there first. */
export const itemDraftHeaders = z.object({
  'If-Match': z
    .string({ error: '请在 If-Match 中注明所修改的草稿版本号' })
    .regex(/^(?:[1-9]\d*|"[1-9]\d*")$/, '请在 If-Match 中注明所修改的草稿版本号')
    .transform((value) => Number(value.replaceAll('"', ''))),
});
export type ItemDraftHeaders = z.infer<typeof itemDraftHeaders>;

export const itemVersionParams = z.object({
  code: z.string(),
  version: z.coerce
    .number({ error: '版本号应为正整数' })
    .int('版本号应为正整数')
    .min(1, '版本号应为正整数')
    .max(Number.MAX_SAFE_INTEGER, '版本号应为正整数'),
});
export type ItemVersionParams = z.infer<typeof itemVersionParams>;

/** The item as its editors see it: the working draft and which version, if any, is published. */
export const itemDraftView = z.object({
  _id: z.string(),
  draft: itemContentSchema,
  revision: z.number().int().min(1),
  publishedVersion: z.number().int().nullable(),
  dirty: z.boolean(),
  createdAt: instant,
  updatedAt: instant,
});
export type ItemDraftView = z.infer<typeof itemDraftView>;

/** One published version, never changed afterwards. */
export const itemVersionView = z.object({
  _id: z.string(),
  code: z.string(),
  version: z.number().int().min(1),
  content: itemContentSchema,
  publishedAt: instant,
  publishedBy: z.string(),
});
export type ItemVersionView = z.infer<typeof itemVersionView>;

/** An item as kiosks show it: its latest published content. */
export const publishedItem = itemContentSchema.extend({ version: z.number().int().min(1) });
export type PublishedItem = z.infer<typeof publishedItem>;

/** What a list or a search shows of an item (its latest published version). */
export const itemSummary = z.object({
  code: z.string(),
  name: z.string(),
  theme: z.enum(THEME_CODES),
  mode: z.enum(Object.keys(HANDLING_MODES) as [HandlingMode, ...HandlingMode[]]),
  version: z.number().int(),
  summary: z.string(),
  visits: z.union([z.literal(0), z.literal(1)]),
  online: z.boolean(),
  promisedDays: z.number(),
  feeFen: z.number().int(),
  delivery: z.array(z.enum(Object.keys(DELIVERY_MODES) as [DeliveryMode, ...DeliveryMode[]])),
  popularity: z.number(),
});
export type ItemSummary = z.infer<typeof itemSummary>;

export const themeCount = z.object({ code: z.enum(THEME_CODES), name: z.string(), count: z.number().int() });
export type ThemeCount = z.infer<typeof themeCount>;

/**
 * `match`: how the results were found — `direct` (as typed: characters, pinyin, initials, synonyms), `words` (a
 * sentence, by the words that matter in it), `fuzzy` (pinyin with one letter wrong or missing) or `none`; then
 * `results` is empty and `suggestions` holds the closest items (您是不是要找…), or the popular ones.
 */
export const SEARCH_MATCHES = ['direct', 'words', 'fuzzy', 'none'] as const;
export type SearchMatch = (typeof SEARCH_MATCHES)[number];
export const searchResponse = z.object({
  query: z.string(),
  results: z.array(itemSummary),
  match: z.enum(SEARCH_MATCHES),
  suggestions: z.array(itemSummary),
});
export type SearchResponse = z.infer<typeof searchResponse>;

export const centreView = centreSchema;

/** The centre whose offer a kiosk shows; absent means the whole city's. */
const centre = z.string().max(200).optional();
const limit = (fallback: number) =>
  z.coerce
    .number({ error: '条数应为 1–50 的整数' })
    .int('条数应为 1–50 的整数')
    .min(1, '条数应为 1–50 的整数')
    .max(50, '条数应为 1–50 的整数')
    .default(fallback);

export const themesQuery = z.object({ centre });
export const itemListQuery = z.object({
  centre,
  theme: z.enum(THEME_CODES, { error: '没有这个主题' }).optional(),
});
export type ItemListQuery = z.infer<typeof itemListQuery>;
export const popularQuery = z.object({ centre, limit: limit(8) });
export type PopularQuery = z.infer<typeof popularQuery>;
export const searchQuery = z.object({
  q: z.string().max(50, '搜索内容最多 50 个字').default(''),
  centre,
  limit: limit(20),
});
export type SearchQuery = z.infer<typeof searchQuery>;
