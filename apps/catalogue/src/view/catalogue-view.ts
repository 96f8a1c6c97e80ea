import {
  type Centre,
  type ElsewhereResponse,
  type NearbyCentre,
  type ItemContent,
  type ItemSummary,
  THEME_CODES,
  THEMES,
  type ThemeCode,
  type ThemeCount,
} from '@psc/contracts/catalogue';
import { LRUCache } from 'lru-cache';
import { elsewhere, nearbyOffering } from '../circle/circle';
import { CatalogueSearchIndex, type MatchKind, queryKey } from '../search/search-index';

export interface PublishedVersion {
  code: string;
  version: number;
  content: ItemContent;
}

/**
 * How long search answers may go on showing the open counts from before (and the order of equally good matches they
 * decide): counts are a ranking hint, written to the store every 5 s and seen by other replicas only when they load.
 */
export const POPULARITY_STALE_MS = 5000;

/** A search as the kiosk shows it: the items found and how, or the closest ones when nothing was found. */
export interface FoundItems {
  results: ItemSummary[];
  match: MatchKind;
  suggestions: ItemSummary[];
}
const NOTHING: FoundItems = { results: [], match: 'none', suggestions: [] };
/** Distinct searches (centre, query, limit) whose answers are kept; a kiosk's vocabulary is small. */
const KEPT_ANSWERS = 1000;

/**
 * What kiosks read, held in memory: the latest published version of every item, the centres and how often each item
 * is opened. The store answers hundreds of writes a second at best, so no kiosk read touches it.
 *
 * Search answers are kept by centre, query (see queryKey) and limit. Any change of content (load, a newer version,
 * centres) drops them all at once; a change of open counts drops them once POPULARITY_STALE_MS have passed since the
 * first count they do not show.
 */
export class CatalogueView {
  private readonly latest = new Map<string, PublishedVersion>();
  private readonly centres = new Map<string, Centre>();
  private readonly popularity = new Map<string, number>();
  /** the codes each centre offers (key '' for every item), worked out once per content */
  private readonly offers = new Map<string, ReadonlySet<string>>();
  private readonly answers = new LRUCache<string, FoundItems>({ max: KEPT_ANSWERS });
  /** when the first open count the kept answers do not show was counted */
  private popularityMovedAt: number | undefined;

  constructor(
    private readonly index = new CatalogueSearchIndex(),
    private readonly now: () => number = Date.now,
  ) {}

  load(
    versions: readonly PublishedVersion[],
    centres: readonly Centre[],
    popularity: ReadonlyMap<string, number>,
  ) {
    this.latest.clear();
    for (const v of versions)
      if ((this.latest.get(v.code)?.version ?? 0) < v.version) this.latest.set(v.code, v);
    this.popularity.clear();
    for (const [code, n] of popularity) this.popularity.set(code, n);
    this.setCentres(centres);
    this.index.replace([...this.latest.values()].map((v) => this.doc(v)));
    this.contentChanged();
  }

  setCentres(centres: readonly Centre[]) {
    this.centres.clear();
    for (const c of centres) this.centres.set(c.id, c);
    this.contentChanged();
  }

  /** A newer version replaces the one shown; an older or repeated one (a replayed event) changes nothing. */
  apply(version: PublishedVersion): boolean {
    if ((this.latest.get(version.code)?.version ?? 0) >= version.version) return false;
    this.latest.set(version.code, version);
    this.index.upsert(this.doc(version));
    this.contentChanged();
    return true;
  }

  item(code: string): (ItemContent & { version: number }) | undefined {
    const found = this.latest.get(code);
    return found && { ...found.content, version: found.version };
  }

  /** Counts a look at an item; popular items rank first in lists and break ties in search. */
  opened(code: string): void {
    const n = (this.popularity.get(code) ?? 0) + 1;
    this.popularity.set(code, n);
    this.index.setPopularity(code, n);
    this.popularityMovedAt ??= this.now();
  }

  centre(id: string): Centre | undefined {
    return this.centres.get(id);
  }

  allCentres(): Centre[] {
    return [...this.centres.values()];
  }

  /** Codes a centre offers, or every item when no centre is named; undefined for an unknown centre. */
  offered(centreId?: string): ReadonlySet<string> | undefined {
    const key = centreId || '';
    let codes = this.offers.get(key);
    if (!codes) {
      const centre = key ? this.centres.get(key) : undefined;
      if (key && !centre) return undefined;
      codes = new Set(centre ? centre.itemCodes.filter((code) => this.latest.has(code)) : this.latest.keys());
      this.offers.set(key, codes);
    }
    return codes;
  }

  /** The centres nearest to `from` that offer `code` (15-minute circle); undefined for an unknown centre. */
  nearby(code: string, from: string, now: Date, limit: number): NearbyCentre[] | undefined {
    const centre = this.centres.get(from);
    if (!centre) return undefined;
    return nearbyOffering(code, centre, this.centres.values(), (c) => this.offeredBy(c), now, limit);
  }

  /** What `from` does not offer, by the nearest centre that does; undefined for an unknown centre. */
  elsewhere(from: string, now: Date): ElsewhereResponse['groups'] | undefined {
    const centre = this.centres.get(from);
    if (!centre) return undefined;
    const here = this.offeredBy(centre);
    const missing = [...this.latest.values()]
      .filter((v) => !here.has(v.code))
      .map((v) => ({
        code: v.code,
        name: v.content.name,
        theme: v.content.theme,
        popularity: this.popularity.get(v.code) ?? 0,
      }));
    return elsewhere(
      centre,
      missing,
      [...this.centres.values()],
      (c) => this.offeredBy(c),
      (t) => THEMES[t],
      THEME_CODES,
      now,
    );
  }

  private offeredBy(centre: Centre): ReadonlySet<string> {
    return this.offered(centre.id) ?? new Set<string>();
  }

  themes(codes: ReadonlySet<string>): ThemeCount[] {
    const counts = new Map<ThemeCode, number>();
    for (const code of codes) {
      const theme = this.latest.get(code)?.content.theme;
      if (theme) counts.set(theme, (counts.get(theme) ?? 0) + 1);
    }
    return THEME_CODES.flatMap((t) => {
      const count = counts.get(t);
      return count ? [{ code: t, name: THEMES[t], count }] : [];
    });
  }

  list(codes: ReadonlySet<string>, theme?: ThemeCode, limit = Number.POSITIVE_INFINITY): ItemSummary[] {
    return (
      [...codes]
        .map((code) => this.summary(code))
        .filter((s): s is ItemSummary => s !== undefined && (!theme || s.theme === theme))
        // before anyone has opened anything, themes in their usual order (社会保障 first), not codes alphabetically
        .sort(
          (a, b) =>
            b.popularity - a.popularity ||
            THEME_CODES.indexOf(a.theme) - THEME_CODES.indexOf(b.theme) ||
            a.code.localeCompare(b.code),
        )
        .slice(0, limit)
    );
  }

  /** The best matches among what a centre offers (every item when none is named; nothing for an unknown one). */
  search(query: string, centreId: string | undefined, limit: number): FoundItems {
    if (this.popularityMovedAt !== undefined && this.now() - this.popularityMovedAt >= POPULARITY_STALE_MS) {
      this.answers.clear();
      this.popularityMovedAt = undefined;
    }
    // the limit is an integer and a normalised query holds no '|', so the centre id in between is unambiguous
    const key = `${limit}|${centreId || ''}|${queryKey(query)}`;
    let found = this.answers.get(key);
    if (!found) {
      const codes = this.offered(centreId);
      if (!codes) return NOTHING;
      const answer = this.index.find(query, { limit, codes });
      const summaries = (hits: readonly { code: string }[]) =>
        hits.map((hit) => this.summary(hit.code)).filter((s): s is ItemSummary => s !== undefined);
      found = {
        results: summaries(answer.hits),
        match: answer.match,
        suggestions: summaries(answer.suggestions),
      };
      this.answers.set(key, found);
    }
    return found;
  }

  summary(code: string): ItemSummary | undefined {
    const v = this.latest.get(code);
    if (!v) return undefined;
    const c = v.content;
    return {
      code,
      name: c.name,
      theme: c.theme,
      mode: c.mode,
      version: v.version,
      summary: c.summary,
      visits: c.visits,
      online: c.online,
      promisedDays: c.promisedDays,
      feeFen: c.feeFen,
      delivery: c.delivery,
      popularity: this.popularity.get(code) ?? 0,
    };
  }

  private contentChanged(): void {
    this.offers.clear();
    this.answers.clear();
    this.popularityMovedAt = undefined;
  }

  private doc({ code, content }: PublishedVersion) {
    return {
      code,
      name: content.name,
      theme: content.theme,
      keywords: content.keywords,
      popularity: this.popularity.get(code) ?? 0,
    };
  }
}
