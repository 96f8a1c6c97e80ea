import { z } from 'zod';
import { CENTRE_LEVELS, type CentreLevel, itemCodeSchema, THEME_CODES } from './item';

/**
 * Walking at 4 km/h (an unhurried older resident's pace, 15 minutes to the kilometre) along streets taken as 1.3
 * times the straight line: the 15-minute circle is about 770 m as the crow flies.
 */
export const WALK_METRES_PER_MINUTE = 4000 / 60;
export const ROUTE_FACTOR = 1.3;

/** One opening period today, `HH:mm`. */
const period = z.object({ open: z.string(), close: z.string() });

/**
 * A centre's day: `workday`/`weekend` by the week, `holiday` (法定节假日: closed or weekend hours, by the centre),
 * `makeup` (调休上班: Monday's hours); `periods` empty when closed all day.
 */
export const DAY_KINDS = ['workday', 'weekend', 'holiday', 'makeup'] as const;
export const centreToday = z.object({
  date: z.string(),
  kind: z.enum(DAY_KINDS),
  periods: z.array(period),
  openNow: z.boolean(),
});
export type CentreToday = z.infer<typeof centreToday>;

/** Another centre within reach: how far, how long on foot, and whether it is open now and today. */
export const nearbyCentre = z.object({
  id: z.string(),
  name: z.string(),
  level: z.enum(Object.keys(CENTRE_LEVELS) as [CentreLevel, ...CentreLevel[]]),
  address: z.string(),
  phone: z.string(),
  distanceMetres: z.number().int(),
  walkMinutes: z.number().int(),
  today: centreToday,
});
export type NearbyCentre = z.infer<typeof nearbyCentre>;

export const nearbyQuery = z.object({
  /** the centre the kiosk stands in: distances are from there */
  centre: z.string({ error: '请说明从哪个服务中心出发' }).min(1, '请说明从哪个服务中心出发').max(200),
  limit: z.coerce
    .number({ error: '条数应为 1–20 的整数' })
    .int('条数应为 1–20 的整数')
    .min(1, '条数应为 1–20 的整数')
    .max(20, '条数应为 1–20 的整数')
    .default(5),
});
export type NearbyQuery = z.infer<typeof nearbyQuery>;

export const itemCodeParams = z.object({ code: itemCodeSchema });

/** The centres nearest to a kiosk's that offer one item, nearest first (the kiosk's own centre left out). */
export const itemNearbyResponse = z.object({
  code: z.string(),
  from: z.string(),
  centres: z.array(nearbyCentre),
});
export type ItemNearbyResponse = z.infer<typeof itemNearbyResponse>;

/**
 * For a 小区驿站 (or any centre that does not offer everything): the items it does not offer, grouped by the nearest
 * centre that does, with that centre's whereabouts. Empty for a centre that offers every item.
 */
export const elsewhereGroup = z.object({
  centre: nearbyCentre,
  count: z.number().int(),
  themes: z.array(z.object({ code: z.enum(THEME_CODES), name: z.string(), count: z.number().int() })),
  /** the most asked-for of them, to name on the home screen */
  examples: z.array(z.object({ code: z.string(), name: z.string() })),
});
export const elsewhereResponse = z.object({ from: z.string(), groups: z.array(elsewhereGroup) });
export type ElsewhereResponse = z.infer<typeof elsewhereResponse>;
