import type {
  BookRoomRequest,
  CentreRoomsResponse,
  ElsewhereResponse,
  ItemNearbyResponse,
  RoomBookingView,
  ThemeCode,
} from '@psc/contracts/catalogue';
import { ApiError, type CatalogueItem, catalogueReads, type Read } from '@psc/web-data';
import { anonymousApi, api } from './client';

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

async function cachedGet<T>(read: Read<T>): Promise<Fetched<T>> {
  try {
    const data = await api().get(read);
    remember(read.path, data);
    return { data, stale: false };
  } catch (error) {
    const cached = unreachable(error) ? recall<T>(read.path) : undefined;
    if (cached === undefined) throw error;
    return { data: cached, stale: true };
  }
}

/** Keeps a version that arrived live for offline use, unless a newer one is already kept (events may replay). */
export function rememberItem(item: CatalogueItem): void {
  const { path } = catalogueReads.item(item.code);
  const kept = recall<CatalogueItem>(path);
  if (!kept || kept.version < item.version) remember(path, item);
}

export const fetchCentre = (id: string) => cachedGet(catalogueReads.centre(id));

export const fetchThemes = (centre: string) => cachedGet(catalogueReads.themes(centre));

export const fetchPopular = (centre: string, limit = 8) => cachedGet(catalogueReads.popular(centre, limit));

export const fetchThemeItems = (centre: string, theme: ThemeCode) =>
  cachedGet(catalogueReads.themeItems(centre, theme));

export const fetchItem = (code: string) => cachedGet(catalogueReads.item(code));

/** Not cached: every query is new text, and offline the kiosk still offers the themes. */
export const searchItems = (q: string, centre: string, limit = 20) =>
  api().get(catalogueReads.search(q, centre, limit));

const enc = encodeURIComponent;

/** A search the kiosk showed nothing for: text only, sent without the resident's token whoever is signed in. */
export const reportMiss = (q: string) => anonymousApi().post<void>('/catalogue/search/misses', { q });

/** Other centres near this one that offer the item (15-minute circle). */
export const fetchNearby = (code: string, centre: string) =>
  api().get<ItemNearbyResponse>(`/catalogue/items/${enc(code)}/nearby?centre=${enc(centre)}`);

/** What this centre does not offer, and the nearest centre that does. */
export const fetchElsewhere = (centre: string) =>
  cachedGet<ElsewhereResponse>({ path: `/catalogue/centres/${enc(centre)}/elsewhere` });

export const fetchRooms = (centre: string, date: string) =>
  api().get<CentreRoomsResponse>(`/catalogue/centres/${enc(centre)}/rooms?date=${date}`);

export const bookRoom = (centre: string, roomId: string, body: BookRoomRequest) =>
  api().post<RoomBookingView>(`/catalogue/centres/${enc(centre)}/rooms/${enc(roomId)}/bookings`, body);

export const myBookings = () => api().get<RoomBookingView[]>('/catalogue/rooms/bookings/mine');

export const cancelBooking = (id: string) =>
  api().post<RoomBookingView>(`/catalogue/rooms/bookings/${enc(id)}/cancel`);
