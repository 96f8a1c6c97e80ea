import {
  type Centre,
  type ItemContent,
  type ItemSummary,
  THEME_CODES,
  THEMES,
  type ThemeCode,
  type ThemeCount,
} from '@psc/contracts/catalogue';
import { CatalogueSearchIndex } from '../search/search-index';

export interface PublishedVersion {
  code: string;
  version: number;
  content: ItemContent;
}

/**
 * What kiosks read, held in memory: the latest published version of every item, the centres and how often each item
 * is opened. The store answers hundreds of writes a second at best, so no kiosk read touches it.
 */
export class CatalogueView {
  private readonly latest = new Map<string, PublishedVersion>();
  private readonly centres = new Map<string, Centre>();
  private readonly popularity = new Map<string, number>();

  constructor(private readonly index = new CatalogueSearchIndex()) {}

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
  }

  setCentres(centres: readonly Centre[]) {
    this.centres.clear();
    for (const c of centres) this.centres.set(c.id, c);
  }

  /** A newer version replaces the one shown; an older or repeated one (a replayed event) changes nothing. */
  apply(version: PublishedVersion): boolean {
    if ((this.latest.get(version.code)?.version ?? 0) >= version.version) return false;
    this.latest.set(version.code, version);
    this.index.upsert(this.doc(version));
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
  }

  centre(id: string): Centre | undefined {
    return this.centres.get(id);
  }

  allCentres(): Centre[] {
    return [...this.centres.values()];
  }

  /** Codes a centre offers, or every item when no centre is named; undefined for an unknown centre. */
  offered(centreId?: string): ReadonlySet<string> | undefined {
    if (!centreId) return new Set(this.latest.keys());
    const centre = this.centres.get(centreId);
    return centre && new Set(centre.itemCodes.filter((code) => this.latest.has(code)));
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

  search(query: string, codes: ReadonlySet<string>, limit: number): ItemSummary[] {
    return this.index
      .search(query, { limit, codes })
      .map((hit) => this.summary(hit.code))
      .filter((s): s is ItemSummary => s !== undefined);
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
