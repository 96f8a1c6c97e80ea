import type { CentreRoomsResponse } from '@psc/contracts/catalogue';
import {
  ACTIVE_INCUBATION_STATES,
  type ApplyIncubationRequest,
  type AssessIncubationRequest,
  type AssignMentorRequest,
  type BookingView,
  type BookRoomRequest,
  type IncubationActionRequest,
  type IncubationSummary,
  type IncubationView,
  type RecordTrainingRequest,
} from '@psc/contracts/socialorg';
import { shanghaiDay } from '@psc/util';
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

const incubationPath = (id: string) => `/socialorg/incubations/${encodeURIComponent(id)}`;

/**
 * One stay as the base's administrators serve it: mentor, training, office space, the mid-term score sheet and the
 * last step. Every answer is the stay as it now is, so the drawer always shows what the service recorded.
 */
export const useIncubationCaseStore = defineStore('incubation-case', () => {
  const current = ref<IncubationView>();
  /** the base centre's rooms in the catalogue; a street base without a catalogue entry has none to offer */
  const rooms = ref<string[]>([]);

  async function open(incubationId: string): Promise<void> {
    current.value = await api.get<IncubationView>(incubationPath(incubationId));
    const baseId = current.value.baseId;
    rooms.value = await api
      .get<CentreRoomsResponse>(
        `/catalogue/centres/${encodeURIComponent(baseId)}/rooms?date=${shanghaiDay(new Date())}`,
      )
      .then((day) => day.rooms.map((room) => room.name))
      // the list only saves typing: without it the room's name is typed in
      .catch(() => []);
  }

  const id = () => {
    if (!current.value) throw new Error('no incubation is open');
    return current.value.incubationId;
  };

  async function step<B>(path: string, body: B): Promise<void> {
    current.value = await api.post<IncubationView>(`${incubationPath(id())}${path}`, body);
  }

  const assignMentor = (body: AssignMentorRequest) => step('/mentor', body);
  const recordTraining = (body: RecordTrainingRequest) => step('/trainings', body);
  const assess = (body: AssessIncubationRequest) => step('/assessment', body);
  const act = (body: IncubationActionRequest) => step('/actions', body);

  // a booking answers with the booking only: the stay is read again to list it
  async function book(body: BookRoomRequest): Promise<void> {
    await api.post<BookingView>(`${incubationPath(id())}/bookings`, body);
    await open(id());
  }

  return { current, rooms, open, assignMentor, recordTraining, assess, act, book };
});
