import type { ListsBoard, MatchNeedRequest, NeedView } from '@psc/contracts/socialorg';
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api } from '../../shell/api';

/** 三张清单 of the administrator's place: needs, resources and projects, and what is still unmatched. */
export const useListsBoardStore = defineStore('lists-board', () => {
  const board = ref<ListsBoard>();
  let scope = '';

  /** open needs, the longest waiting first: what the board is for */
  const unmatched = computed(() =>
    (board.value?.needs ?? [])
      .filter((n) => n.state === 'open')
      .sort((a, b) => (b.waitingDays ?? 0) - (a.waitingDays ?? 0)),
  );

  async function load(place: string): Promise<void> {
    scope = place;
    board.value = await api.get<ListsBoard>(`/socialorg/lists/board?scope=${encodeURIComponent(place)}`);
  }

  /** Matches a need; the board is read again, since the target's count of matched needs changes too. */
  async function match(needId: string, request: MatchNeedRequest): Promise<NeedView> {
    const matched = await api.post<NeedView>(`/socialorg/needs/${needId}/match`, request);
    await load(scope);
    return matched;
  }

  return { board, unmatched, load, match };
});
