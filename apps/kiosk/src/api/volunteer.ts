import type { ActivityView, MyHoursView, SignupView, WishView } from '@psc/contracts/volunteer';
import { api } from './client';

const enc = encodeURIComponent;

/** A centre's coming activities: public, nobody's personal data. */
export const fetchActivities = (centreId: string) =>
  api().get<ActivityView[]>(`/volunteer/activities?${new URLSearchParams({ centreId }).toString()}`);

/** Check in or out with the activity's 6-digit code, as the identified resident (signed up on the spot if need be). */
export const attend = (mode: 'in' | 'out', code: string) =>
  api().post<SignupView>(`/volunteer/attendance/check-${mode}`, { code });

export const fetchMyHours = () => api().get<MyHoursView>('/volunteer/hours/me');

export const postWish = (centreId: string, text: string) =>
  api().post<WishView>('/volunteer/wishes', { centreId, text });

export const fetchMyWishes = () => api().get<WishView[]>('/volunteer/wishes/mine');

export const confirmWish = (wishId: string) =>
  api().post<WishView>(`/volunteer/wishes/${enc(wishId)}/confirm`, {});
