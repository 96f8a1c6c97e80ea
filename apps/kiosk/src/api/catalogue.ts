import type {
  Centre,
  ItemContent,
  ItemSummary,
  SearchResponse,
  ThemeCode,
  ThemeCount,
} from '@psc/contracts/catalogue';
import { ApiError } from '@psc/web-data';
import { api } from './client';

/** An item as the kiosk shows it: its latest published version. */
export type CatalogueItem = ItemContent & { version: number };

/** `stale`: the network failed and the answer is what this kiosk saw the last time it asked. */
export interface Fetched<T> {
  data: T;
  stale: boolean;
}

const CACHE_PREFIX = 'psc.catalogue:';

// The network is away, or the gateway cannot reach the catalogue: what the kiosk saw before is better than a blank
// screen. Any other refusal (an unknown item, a bad theme) is an answer and is shown as such.
const unreachable = (error: unknown) =>
  error instanceof ApiError && (error.code === 'NETWORK.OFFLINE' || error.code === 'COMMON.UNAVAILABLE');

function remember(path: string, data: unknown): void {
  try {
    localStorage.setItem(CACHE_PREFIX + path, JSON.stringify(data));
  } catch {
    // storage full or disabled: the kiosk still works online, it only loses its fallback
  }
}

function recall<T>(path: string): T | undefined {
  try {
    const raw = localStorage.getItem(CACHE_PREFIX + path);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  } catch {
    return undefined; // unreadable: as if nothing were kept
  }
}

async function cachedGet<T>(path: string): Promise<Fetched<T>> {
  try {
    const data = await api().get<T>(path);
    remember(path, data);
    return { data, stale: false };
  } catch (error) {
    const cached = unreachable(error) ? recall<T>(path) : undefined;
    if (cached === undefined) throw error;
    return { data: cached, stale: true };
  }
}

const query = (params: Record<string, string | number>) =>
  new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();

const itemPath = (code: string) => `/catalogue/items/${encodeURIComponent(code)}`;

/** Keeps a version that arrived live for offline use, unless a newer one is already kept (events may replay). */
export function rememberItem(item: CatalogueItem): void {
  const kept = recall<CatalogueItem>(itemPath(item.code));
  if (!kept || kept.version < item.version) remember(itemPath(item.code), item);
}

export const fetchCentre = (id: string) => cachedGet<Centre>(`/catalogue/centres/${encodeURIComponent(id)}`);

export const fetchThemes = (centre: string) =>
  cachedGet<ThemeCount[]>(`/catalogue/themes?${query({ centre })}`);

export const fetchPopular = (centre: string, limit = 8) =>
  cachedGet<ItemSummary[]>(`/catalogue/popular?${query({ centre, limit })}`);

export const fetchThemeItems = (centre: string, theme: ThemeCode) =>
  cachedGet<ItemSummary[]>(`/catalogue/items?${query({ centre, theme })}`);

export const fetchItem = (code: string) => cachedGet<CatalogueItem>(itemPath(code));

/** Not cached: every query is new text, and offline the kiosk still offers the themes. */
export const searchItems = (q: string, centre: string, limit = 20) =>
  api().get<SearchResponse>(`/catalogue/search?${query({ q, centre, limit })}`);
