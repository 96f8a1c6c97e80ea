import {
  ACTIVE_INCUBATION_STATES,
  type ApplyIncubationRequest,
  type IncubationActionRequest,
  type IncubationSummary,
  type IncubationView,
} from '@psc/contracts/socialorg';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api } from '../../shell/api';

/** The organisation's applications to incubation bases and its stays, newest first. */
export const useMyIncubationStore = defineStore('my-incubation', () => {
  const incubations = ref<IncubationView[]>([]);
  /** while one stands the organisation cannot apply again (the service refuses with 409 too) */
  const active = computed(() => incubations.value.find((i) => ACTIVE_INCUBATION_STATES.includes(i.state)));

  async function load(): Promise<void> {
    const mine = await api.get<IncubationView[]>('/socialorg/incubations/mine');
    incubations.value = [...mine].sort((a, b) => b.appliedAt.localeCompare(a.appliedAt));
  }

  async function apply(request: ApplyIncubationRequest): Promise<IncubationView> {
    const created = await api.post<IncubationView>('/socialorg/incubations', request);
    incubations.value = [
      created,
      ...incubations.value.filter((i) => i.incubationId !== created.incubationId),
    ];
    return created;
  }

  return { incubations, active, load, apply };
});

/** A base's review board: waiting applications and stays, as the service orders them. */
export const useIncubationBoardStore = defineStore('incubation-board', () => {
  const rows = ref<IncubationSummary[]>([]);
  let baseId = '';

  async function load(base: string): Promise<void> {
    baseId = base;
    rows.value = await api.get<IncubationSummary[]>(
      `/socialorg/incubations?baseId=${encodeURIComponent(base)}`,
    );
  }

  /** One step of review; the board is read again, since a step moves the row. */
  async function act(incubationId: string, request: IncubationActionRequest): Promise<void> {
    await api.post<IncubationView>(`/socialorg/incubations/${incubationId}/actions`, request);
    await load(baseId);
  }

  return { rows, load, act };
});
