import type {
  ApplicationReviewsView,
  DeclarationRequest,
  ReviewAssignmentView,
  ReviewView,
  ScoreSheetRequest,
} from '@psc/contracts/socialorg';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api } from '../../shell/api';

/** A reviewer's assignments, and the panel of the one open: others' scores stay hidden until all are in. */
export const useReviewTasksStore = defineStore('review-tasks', () => {
  const tasks = ref<ReviewAssignmentView[]>([]);
  const panel = ref<ApplicationReviewsView>();

  async function load(): Promise<void> {
    tasks.value = await api.get<ReviewAssignmentView[]>('/socialorg/reviews/mine');
  }

  async function openPanel(applicationId: string): Promise<void> {
    panel.value = await api.get<ApplicationReviewsView>(`/socialorg/applications/${applicationId}/reviews`);
  }

  async function after(applicationId: string, done: Promise<ReviewView>): Promise<void> {
    await done;
    await Promise.all([load(), openPanel(applicationId)]);
  }

  const declare = (applicationId: string, request: DeclarationRequest) =>
    after(applicationId, api.post(`/socialorg/applications/${applicationId}/review/declaration`, request));

  const score = (applicationId: string, request: ScoreSheetRequest) =>
    after(applicationId, api.post(`/socialorg/applications/${applicationId}/review/sheet`, request));

  return { tasks, panel, load, openPanel, declare, score };
});
