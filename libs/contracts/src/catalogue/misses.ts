import { z } from 'zod';

/**
 * A search a kiosk showed nothing for, reported once it stood on screen (not every prefix typed on the way). No
 * identity travels with it; the service counts the normalised text per Shanghai day and nothing else.
 */
export const searchMissReport = z.object({
  q: z.string({ error: '请提供搜索内容' }).trim().min(1, '请提供搜索内容').max(50, '搜索内容最多 50 个字'),
});
export type SearchMissReport = z.infer<typeof searchMissReport>;

export const searchMissesQuery = z.object({
  days: z.coerce
    .number({ error: '天数应为 1–30 的整数' })
    .int('天数应为 1–30 的整数')
    .min(1, '天数应为 1–30 的整数')
    .max(30, '天数应为 1–30 的整数')
    .default(7),
});
export type SearchMissesQuery = z.infer<typeof searchMissesQuery>;

/** A text residents searched for and found nothing, over the days asked; `foundNow` once a keyword fixed it. */
export const searchMissView = z.object({
  text: z.string(),
  count: z.number().int(),
  days: z.array(z.object({ date: z.string(), count: z.number().int() })),
  lastDate: z.string(),
  foundNow: z.object({ code: z.string(), name: z.string() }).nullable(),
});
export type SearchMissView = z.infer<typeof searchMissView>;

export const searchMissesResponse = z.object({
  from: z.string(),
  to: z.string(),
  misses: z.array(searchMissView),
  /** searches left uncounted because a day already held the most distinct texts kept (MAX_MISS_TEXTS_PER_DAY) */
  overflow: z.number().int(),
});
export type SearchMissesResponse = z.infer<typeof searchMissesResponse>;

/** Distinct texts counted per day at most; further new texts that day only add to `overflow`. */
export const MAX_MISS_TEXTS_PER_DAY = 500;
/** Days of counts kept; older days are deleted. */
export const MISS_RETENTION_DAYS = 60;

/** Staff attach a word or phrasing residents used to an item: the next version of the item carries it. */
export const addKeywordRequest = z.object({
  keyword: z
    .string({ error: '请填写要添加的说法' })
    .trim()
    .min(1, '请填写要添加的说法')
    .max(30, '说法最多 30 个字'),
});
export type AddKeywordRequest = z.infer<typeof addKeywordRequest>;
