import type { ThemeCode } from '@psc/contracts/catalogue';
import { catalogueReads } from '@psc/web-data';
import { api } from './client';

export const searchItems = async (q: string, centre: string) =>
  (await api.get(catalogueReads.search(q, centre))).results;

export const themeItems = (theme: ThemeCode, centre: string) =>
  api.get(catalogueReads.themeItems(centre, theme));

/** The latest published version, for a new intake. */
export const fetchItem = (code: string) => api.get(catalogueReads.item(code));

/** The version a case was opened against: its material list is the one to check again. */
export const fetchItemVersion = async (code: string, version: number) =>
  (await api.get(catalogueReads.itemVersion(code, version))).content;

export const fetchCentre = (id: string) => api.get(catalogueReads.centre(id));
