import type {
  ActivityView,
  CertificatePrint,
  CertificateView,
  CorrectionRequest,
  CorrectionView,
  FulfilWishRequest,
  MyHoursView,
  RegisterVolunteerRequest,
  SignupView,
  VolunteerView,
  WishView,
} from '@psc/contracts/volunteer';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { useResidentSessionStore } from './session';

/** Everything the signed-in volunteer sees of themselves: profile, activities, hours, corrections, certificates. */
export const useVolunteerStore = defineStore('portal-volunteer', () => {
  const session = useResidentSessionStore();
  const me = ref<VolunteerView | null>();
  const activities = ref<ActivityView[]>([]);
  const signups = ref<Record<string, SignupView>>({});
  const hours = ref<MyHoursView>();
  const corrections = ref<CorrectionView[]>([]);
  const certificates = ref<CertificateView[]>([]);
  const wishes = ref<WishView[]>([]);

  const http = () => session.client();

  async function loadMe(): Promise<VolunteerView | null> {
    try {
      me.value = await (await http()).get<VolunteerView>('/volunteer/volunteers/me');
    } catch (error) {
      if ((error as { status?: number }).status !== 404) throw error;
      me.value = null;
    }
    return me.value;
  }

  async function register(body: RegisterVolunteerRequest) {
    me.value = await (await http()).post<VolunteerView>('/volunteer/volunteers/me', body);
  }

  async function loadActivities(centreId: string) {
    const h = await http();
    activities.value = await h.get<ActivityView[]>(
      `/volunteer/activities?centreId=${encodeURIComponent(centreId)}`,
    );
    const mine = await Promise.all(
      activities.value.map((a) =>
        h.get<SignupView>(`/volunteer/activities/${a.activityId}/signups/me`).catch(() => undefined),
      ),
    );
    signups.value = Object.fromEntries(mine.flatMap((s) => (s ? [[s.activityId, s]] : [])));
  }

  async function join(activityId: string) {
    const signup = await (await http()).post<SignupView>(`/volunteer/activities/${activityId}/signups`);
    signups.value = { ...signups.value, [activityId]: signup };
    await refresh(activityId);
  }

  async function leave(activityId: string) {
    const signup = await (await http()).delete<SignupView>(`/volunteer/activities/${activityId}/signups/me`);
    signups.value = { ...signups.value, [activityId]: signup };
    await refresh(activityId);
  }

  // the places taken change with every sign-up
  async function refresh(activityId: string) {
    const fresh = await (await http()).get<ActivityView>(`/volunteer/activities/${activityId}`);
    activities.value = activities.value.map((a) => (a.activityId === activityId ? fresh : a));
  }

  async function loadHours() {
    const h = await http();
    [hours.value, corrections.value] = await Promise.all([
      h.get<MyHoursView>('/volunteer/hours/me'),
      h.get<CorrectionView[]>('/volunteer/hours/corrections/mine'),
    ]);
  }

  async function requestCorrection(body: CorrectionRequest) {
    const made = await (await http()).post<CorrectionView>('/volunteer/hours/corrections', body);
    corrections.value = [made, ...corrections.value];
  }

  async function loadCertificates() {
    certificates.value = await (await http()).get<CertificateView[]>('/volunteer/certificates/mine');
  }

  async function applyCertificate(body: { centreId: string; purpose: string }) {
    const made = await (await http()).post<CertificateView>('/volunteer/certificates', body);
    certificates.value = [made, ...certificates.value];
  }

  const printCertificate = async (id: string) =>
    (await http()).get<CertificatePrint>(`/volunteer/certificates/${id}/print`);

  async function loadWishes(centreId: string) {
    const h = await http();
    const [open, mine] = await Promise.all([
      h.get<WishView[]>(`/volunteer/wishes?centreId=${encodeURIComponent(centreId)}&state=open`),
      h.get<WishView[]>('/volunteer/wishes/mine'),
    ]);
    const claimed = mine.filter((w) => w.claimerId === me.value?.volunteerId);
    wishes.value = [...claimed, ...open.filter((w) => !claimed.some((c) => c.wishId === w.wishId))];
  }

  async function claim(wishId: string) {
    await (await http()).post<WishView>(`/volunteer/wishes/${wishId}/claim`);
  }

  async function fulfil(wishId: string, body: FulfilWishRequest) {
    await (await http()).post<WishView>(`/volunteer/wishes/${wishId}/fulfil`, body);
  }

  return {
    me,
    activities,
    signups,
    hours,
    corrections,
    certificates,
    wishes,
    loadMe,
    register,
    loadActivities,
    join,
    leave,
    loadHours,
    requestCorrection,
    loadCertificates,
    applyCertificate,
    printCertificate,
    loadWishes,
    claim,
    fulfil,
  };
});
