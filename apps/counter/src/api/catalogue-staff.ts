import type {
  CentreBookingsResponse,
  ItemVersionView,
  RoomBookingView,
  SearchMissesResponse,
} from '@psc/contracts/catalogue';
import { api } from './client';

const enc = encodeURIComponent;

/** What residents searched for and found nothing, over the last `days` days. */
export const fetchMisses = (days: number) =>
  api.get<SearchMissesResponse>(`/catalogue/search/misses?days=${days}`);

/** Attaches a residents' word to an item: published at once as its next version. */
export const addKeyword = (code: string, keyword: string) =>
  api.post<ItemVersionView>(`/catalogue/items/${enc(code)}/keywords`, { keyword });

export const fetchCentreBookings = (centre: string, date?: string) =>
  api.get<CentreBookingsResponse>(`/catalogue/centres/${enc(centre)}/bookings${date ? `?date=${date}` : ''}`);

export const recordAttendance = (id: string, outcome: 'attended' | 'no_show') =>
  api.post<RoomBookingView>(`/catalogue/rooms/bookings/${enc(id)}/attendance`, { outcome });

export const cancelBooking = (id: string) =>
  api.post<RoomBookingView>(`/catalogue/rooms/bookings/${enc(id)}/cancel`);
