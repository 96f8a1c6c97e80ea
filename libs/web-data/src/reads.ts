import type { QueueBoard, TicketView } from '@psc/contracts/affairs';
import type {
  Centre,
  ItemContent,
  ItemSummary,
  SearchResponse,
  ThemeCode,
  ThemeCount,
} from '@psc/contracts/catalogue';
import type { Read } from './http';

// The reads more than one screen makes, written once: `http.get(catalogueReads.item(code))` answers a typed
// CatalogueItem. A screen that keeps answers for offline use keys them by `path`.

/** An item as the screens show it: its latest published version. */
export type CatalogueItem = ItemContent & { version: number };

const read = <T>(path: string, params?: Record<string, string | number | undefined>): Read<T> => {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params ?? {}))
    if (value !== undefined) query.set(name, String(value));
  const search = query.toString();
  return { path: search ? `${path}?${search}` : path };
};
const enc = encodeURIComponent;

export const catalogueReads = {
  centre: (id: string) => read<Centre>(`/catalogue/centres/${enc(id)}`),
  themes: (centre: string) => read<ThemeCount[]>('/catalogue/themes', { centre }),
  popular: (centre: string, limit?: number) => read<ItemSummary[]>('/catalogue/popular', { centre, limit }),
  themeItems: (centre: string, theme: ThemeCode) =>
    read<ItemSummary[]>('/catalogue/items', { centre, theme }),
  /** The latest published version. */
  item: (code: string) => read<CatalogueItem>(`/catalogue/items/${enc(code)}`),
  /** One published version, e.g. the one a case was opened against. */
  itemVersion: (code: string, version: number) =>
    read<{ content: ItemContent; version: number }>(`/catalogue/items/${enc(code)}/versions/${version}`),
  /** Characters, full pinyin, initials or a mix; popular first. */
  search: (q: string, centre: string, limit?: number) =>
    read<SearchResponse>('/catalogue/search', { q, centre, limit }),
};

export const affairsReads = {
  ticket: (ticketId: string) => read<TicketView>(`/affairs/queue/tickets/${enc(ticketId)}`),
  /** Today's board of a centre: what the hall display and the counter's queue show. */
  board: (centreId: string) => read<QueueBoard>('/affairs/queue/board', { centreId }),
};
