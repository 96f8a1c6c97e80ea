import type {
  ApplicationView,
  CallActionRequest,
  CallView,
  CreateApplicationRequest,
  CreateCallRequest,
  EligibilityRunView,
  FileKind,
  FileView,
  RankingView,
} from '@psc/contracts/socialorg';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api } from '../../shell/api';

/** One upload to the files API; the service checks the type by its first bytes and the size. */
export function uploadFile(orgId: string, kind: FileKind, file: File): Promise<FileView> {
  const form = new FormData();
  form.set('orgId', orgId);
  form.set('kind', kind);
  form.set('file', file, file.name);
  return api.post<FileView>('/socialorg/files', form);
}

/** The calls an organisation may apply to, and its own applications. */
export const useOrgCallsStore = defineStore('org-calls', () => {
  const open = ref<CallView[]>([]);
  const applications = ref<ApplicationView[]>([]);

  async function loadOpen(): Promise<void> {
    open.value = await api.get<CallView[]>('/socialorg/calls?state=open');
  }

  async function loadMine(orgId: string): Promise<void> {
    const mine = await api.get<ApplicationView[]>(
      `/socialorg/applications?orgId=${encodeURIComponent(orgId)}`,
    );
    applications.value = [...mine].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  const call = (callId: string) => api.get<CallView>(`/socialorg/calls/${encodeURIComponent(callId)}`);

  /** Drafted and submitted in one go: the draft stays if the submission is refused, to be sent again. */
  async function apply(request: CreateApplicationRequest): Promise<ApplicationView> {
    const draft = await api.post<ApplicationView>('/socialorg/applications', request);
    return api.post<ApplicationView>(`/socialorg/applications/${draft.applicationId}/actions`, {
      action: 'submit',
      revision: draft.revision,
    });
  }

  return { open, applications, loadOpen, loadMine, call, apply };
});

/** An administrator's calls and the one being worked on: its applications, ranking and 公示. */
export const useCallDeskStore = defineStore('call-desk', () => {
  const calls = ref<CallView[]>([]);
  const current = ref<CallView>();
  const applications = ref<ApplicationView[]>([]);
  const ranking = ref<RankingView>();
  let callId = '';

  async function loadCalls(): Promise<void> {
    const all = await api.get<CallView[]>('/socialorg/calls');
    calls.value = [...all].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async function create(request: CreateCallRequest): Promise<CallView> {
    const created = await api.post<CallView>('/socialorg/calls', request);
    calls.value = [created, ...calls.value];
    return created;
  }

  async function open(id: string): Promise<void> {
    callId = id;
    const path = `/socialorg/calls/${encodeURIComponent(callId)}`;
    const [call, apps] = await Promise.all([
      api.get<CallView>(path),
      api.get<ApplicationView[]>(`/socialorg/applications?callId=${encodeURIComponent(callId)}`),
    ]);
    current.value = call;
    applications.value = apps;
    const ranked = !['draft', 'open', 'closed', 'scoring', 'cancelled'].includes(call.state);
    ranking.value = ranked ? await api.get<RankingView>(`${path}/ranking`) : undefined;
  }

  /** A step, then everything read again: a step moves the call, its applications and its money. */
  async function step(request: CallActionRequest): Promise<void> {
    await api.post<CallView>(`/socialorg/calls/${callId}/actions`, request);
    await open(callId);
  }

  async function checkEligibility(): Promise<EligibilityRunView> {
    const run = await api.post<EligibilityRunView>(`/socialorg/calls/${callId}/eligibility`);
    await open(callId);
    return run;
  }

  async function startScoring(): Promise<void> {
    await api.post(`/socialorg/calls/${callId}/scoring`);
    await open(callId);
  }

  async function rank(): Promise<void> {
    await api.post(`/socialorg/calls/${callId}/ranking`);
    await open(callId);
  }

  async function answer(objectionId: string, answer: string, upheld: boolean): Promise<void> {
    await api.post(`/socialorg/calls/${callId}/objections/${objectionId}/answer`, {
      answer,
      upheld,
    });
    await open(callId);
  }

  return {
    calls,
    current,
    applications,
    ranking,
    loadCalls,
    create,
    open,
    step,
    checkEligibility,
    startScoring,
    rank,
    answer,
  };
});
