import type { PublishActivityRequest } from '@psc/contracts/volunteer';
import type {
  ActivityView,
  ApprovalResult,
  CloseAttendanceRequest,
  CorrectionAnswer,
  CorrectionView,
  OrganiserActivityView,
  SignupView,
  WishView,
  YearlyRecord,
} from '@psc/contracts/volunteer';
import { useStaffSessionStore } from '@psc/web-data';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { ADMIN_ROLES, ORG_ROLES, hasAnyRole, rolesOf, scopeOf } from '../../shell/access';
import { api } from '../../shell/api';
import { useMyOrganisationStore } from '../organisation/store';

/** Whom the signed-in member of staff organises for: a centre (its administrator) or an organisation in a centre. */
export interface Organiser {
  centreId: string;
  orgId?: string;
  name: string;
}

export async function organiserOf(): Promise<Organiser | undefined> {
  const user = useStaffSessionStore().user;
  const centre = scopeOf(user, ADMIN_ROLES);
  if (centre) return { centreId: centre, name: user?.displayName ?? '' };
  if (!hasAnyRole(rolesOf(user), ORG_ROLES)) return undefined;
  const mine = useMyOrganisationStore();
  if (!mine.organisations) await mine.load();
  const org = mine.current;
  return org && { centreId: org.centreId, orgId: org.orgId, name: org.name };
}

const q = encodeURIComponent;

/** An organiser's activities: publish, the code to print, attendance, forgotten check-outs, approval. */
export const useOrganiserStore = defineStore('organiser-activities', () => {
  const organiser = ref<Organiser>();
  const activities = ref<ActivityView[]>([]);
  const current = ref<OrganiserActivityView>();
  const signups = ref<SignupView[]>([]);

  async function load() {
    organiser.value = await organiserOf();
    const o = organiser.value;
    if (!o) return;
    const all = await api.get<ActivityView[]>(
      `/volunteer/activities?centreId=${q(o.centreId)}&from=2000-01-01`,
    );
    // an organisation sees its own; the centre sees everything held in it
    activities.value = o.orgId ? all.filter((a) => a.orgId === o.orgId) : all;
  }

  async function publish(body: PublishActivityRequest): Promise<OrganiserActivityView> {
    return api.post<OrganiserActivityView>('/volunteer/activities', body);
  }

  async function open(id: string) {
    [current.value, signups.value] = await Promise.all([
      api.get<OrganiserActivityView>(`/volunteer/activities/${q(id)}/organiser`),
      api.get<SignupView[]>(`/volunteer/activities/${q(id)}/signups`),
    ]);
  }

  async function closeAttendance(id: string, volunteerId: string, body: CloseAttendanceRequest) {
    await api.post<SignupView>(`/volunteer/activities/${q(id)}/attendance/${q(volunteerId)}/close`, body);
    await open(id);
  }

  async function approve(id: string, volunteerIds?: string[]): Promise<ApprovalResult> {
    const result = await api.post<ApprovalResult>(`/volunteer/activities/${q(id)}/approve`, { volunteerIds });
    await open(id);
    return result;
  }

  return { organiser, activities, current, signups, load, publish, open, closeAttendance, approve };
});

/** The centre's desk: correction requests to answer and 微心愿 to approve. */
export const useCentreDeskStore = defineStore('organiser-centre-desk', () => {
  const corrections = ref<CorrectionView[]>([]);
  const wishes = ref<WishView[]>([]);

  async function loadCorrections(centreId: string) {
    corrections.value = await api.get<CorrectionView[]>(
      `/volunteer/hours/corrections?centreId=${q(centreId)}`,
    );
  }

  async function answer(centreId: string, requestId: string, body: CorrectionAnswer) {
    await api.post<CorrectionView>(`/volunteer/hours/corrections/${q(requestId)}/answer`, body);
    await loadCorrections(centreId);
  }

  async function loadWishes(centreId: string) {
    wishes.value = await api.get<WishView[]>(`/volunteer/wishes?centreId=${q(centreId)}`);
  }

  async function decideWish(
    centreId: string,
    wishId: string,
    decision: 'approve' | 'reject' | 'confirm',
    reason?: string,
  ) {
    await api.post<WishView>(`/volunteer/wishes/${q(wishId)}/${decision}`, reason ? { reason } : undefined);
    await loadWishes(centreId);
  }

  return { corrections, wishes, loadCorrections, answer, loadWishes, decideWish };
});

/** 在职党员双报到 yearly records: the community's (its secretary) or the employer unit's. */
export const usePartyRecordsStore = defineStore('organiser-party', () => {
  const records = ref<YearlyRecord[]>([]);

  async function ofCommunity(communityId: string, year: number) {
    records.value = await api.get<YearlyRecord[]>(
      `/volunteer/party/community-members?communityId=${q(communityId)}&year=${year}`,
    );
  }

  async function ofUnit(unitId: string, year: number) {
    records.value = await api.get<YearlyRecord[]>(`/volunteer/party/units/${q(unitId)}/records?year=${year}`);
  }

  return { records, ofCommunity, ofUnit };
});
