import type { Centre, ItemContent, ItemSummary, SearchResponse, ThemeCode } from '@psc/contracts/catalogue';
import { api } from './client';

export type CatalogueItem = ItemContent & { version: number };

const query = (params: Record<string, string>) => new URLSearchParams(params).toString();

export const searchItems = async (q: string, centre: string) =>
  (await api.get<SearchResponse>(`/catalogue/search?${query({ q, centre })}`)).results;

export const themeItems = (theme: ThemeCode, centre: string) =>
  api.get<ItemSummary[]>(`/catalogue/items?${query({ theme, centre })}`);

/** The latest published version, for a new intake. */
export const fetchItem = (code: string) =>
  api.get<CatalogueItem>(`/catalogue/items/${encodeURIComponent(code)}`);

/** The version a case was opened against: its material list is the one to check again. */
export const fetchItemVersion = async (code: string, version: number) =>
  (
    await api.get<{ content: ItemContent; version: number }>(
      `/catalogue/items/${encodeURIComponent(code)}/versions/${version}`,
    )
  ).content;

export const fetchCentre = (id: string) => api.get<Centre>(`/catalogue/centres/${encodeURIComponent(id)}`);
