import { z } from 'zod';

const instant = z.iso.datetime();

export const themeSummary = z.object({ theme: z.string(), drafted: z.number().int(), updatedAt: instant });
export type ThemeSummary = z.infer<typeof themeSummary>;

/** An item as the read model learnt it from the catalogue's events. */
export const insightItemView = z.object({
  _id: z.string(),
  code: z.string(),
  name: z.string(),
  theme: z.string(),
  draftedAt: instant,
});
export type InsightItemView = z.infer<typeof insightItemView>;

export const oneTripQuery = z.object({
  centreId: z.string({ error: '缺少服务中心' }).trim().min(1, '缺少服务中心').max(200),
});
export type OneTripQuery = z.infer<typeof oneTripQuery>;

const tally = z.object({
  delivered: z.number().int().min(0),
  oneTrip: z.number().int().min(0),
  /** share of delivered cases that took at most one visit; null before any was delivered */
  rate: z.number().min(0).max(1).nullable(),
});

/** 最多跑一次率 of a centre, overall and per item. */
export const oneTripReport = z.object({
  centreId: z.string(),
  total: tally,
  items: z.array(tally.extend({ itemCode: z.string() })),
});
export type OneTripReport = z.infer<typeof oneTripReport>;
