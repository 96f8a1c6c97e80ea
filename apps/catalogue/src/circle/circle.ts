import type { Centre, ElsewhereResponse, NearbyCentre } from '@psc/contracts/catalogue';
import { centreToday, distanceMetres, walkMinutes } from './centre-day';

/** `to` as seen from `from`: straight-line metres, minutes on foot, today's hours; undefined without locations. */
export function seenFrom(from: Centre, to: Centre, now: Date): NearbyCentre | undefined {
  if (!from.location || !to.location) return undefined;
  const metres = distanceMetres(from.location, to.location);
  return {
    id: to.id,
    name: to.name,
    level: to.level,
    address: to.address,
    phone: to.phone,
    distanceMetres: Math.round(metres),
    walkMinutes: walkMinutes(metres),
    today: centreToday(to, now),
  };
}

/** The other centres offering `code`, nearest first. */
export function nearbyOffering(
  code: string,
  from: Centre,
  centres: Iterable<Centre>,
  offers: (centre: Centre) => ReadonlySet<string>,
  now: Date,
  limit: number,
): NearbyCentre[] {
  const found: NearbyCentre[] = [];
  for (const centre of centres) {
    if (centre.id === from.id || !offers(centre).has(code)) continue;
    const seen = seenFrom(from, centre, now);
    if (seen) found.push(seen);
  }
  return found.sort((a, b) => a.distanceMetres - b.distanceMetres).slice(0, limit);
}

export interface ElsewhereItem {
  code: string;
  name: string;
  theme: ElsewhereResponse['groups'][number]['themes'][number]['code'];
  popularity: number;
}

/**
 * What `from` does not offer, each item at the nearest centre that does, grouped by that centre: a 小区驿站 names
 * its community centre (and the street's for what only the street handles).
 */
export function elsewhere(
  from: Centre,
  missing: readonly ElsewhereItem[],
  centres: readonly Centre[],
  offers: (centre: Centre) => ReadonlySet<string>,
  themeName: (code: ElsewhereItem['theme']) => string,
  themeOrder: readonly string[],
  now: Date,
): ElsewhereResponse['groups'] {
  const others = centres
    .filter((c) => c.id !== from.id)
    .map((c) => ({ centre: c, seen: seenFrom(from, c, now) }))
    .filter((c): c is { centre: Centre; seen: NearbyCentre } => c.seen !== undefined)
    .sort((a, b) => a.seen.distanceMetres - b.seen.distanceMetres);
  const groups = new Map<string, { seen: NearbyCentre; items: ElsewhereItem[] }>();
  for (const item of missing) {
    const at = others.find((o) => offers(o.centre).has(item.code));
    if (!at) continue;
    const group = groups.get(at.centre.id) ?? { seen: at.seen, items: [] };
    group.items.push(item);
    groups.set(at.centre.id, group);
  }
  return [...groups.values()]
    .sort((a, b) => a.seen.distanceMetres - b.seen.distanceMetres)
    .map(({ seen, items }) => {
      const counts = new Map<ElsewhereItem['theme'], number>();
      for (const item of items) counts.set(item.theme, (counts.get(item.theme) ?? 0) + 1);
      return {
        centre: seen,
        count: items.length,
        themes: [...counts]
          .sort(([a], [b]) => themeOrder.indexOf(a) - themeOrder.indexOf(b))
          .map(([code, count]) => ({ code, name: themeName(code), count })),
        examples: [...items]
          .sort(
            (a, b) =>
              b.popularity - a.popularity ||
              themeOrder.indexOf(a.theme) - themeOrder.indexOf(b.theme) ||
              a.code.localeCompare(b.code),
          )
          .slice(0, 4)
          .map(({ code, name }) => ({ code, name })),
      };
    });
}
