import { callNextRequest, type QueueBoard, type TicketView } from '@psc/contracts/affairs';
import type { ThemeCode } from '@psc/contracts/catalogue';
import { ApiError } from '@psc/web-data';
import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import * as affairs from '../api/affairs';

const STORAGE_KEY = 'psc.counter.queue';

interface Saved {
  windowNo: string;
  themes: ThemeCode[];
  current: TicketView | null;
}

/**
 * This window's 叫号. The window number and its themes belong to the desk, so they stay in localStorage across
 * sign-ins; so does the ticket being served, which the queue service has no "current ticket of a window" call for.
 */
export const useQueueStore = defineStore('queue', () => {
  const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Saved | null;
  const windowNo = ref(saved?.windowNo ?? '');
  const themes = ref<ThemeCode[]>(saved?.themes ?? []);
  const current = ref<TicketView | null>(saved?.current ?? null);
  const board = ref<QueueBoard>();

  watch(
    [windowNo, themes, current],
    () =>
      localStorage.setItem(
        STORAGE_KEY,
        JSON.stringify({ windowNo: windowNo.value, themes: themes.value, current: current.value }),
      ),
    { deep: true },
  );

  /** The window number's problem in Chinese, or undefined when it is fine. */
  const windowError = () => callNextRequest.shape.window.safeParse(windowNo.value).error?.issues[0]?.message;

  async function callNext(centreId: string): Promise<void> {
    try {
      current.value = await affairs.callNext({
        centreId,
        window: windowNo.value.trim(),
        themes: themes.value,
      });
    } catch (error) {
      // the server closed this window's ticket as served before finding the queue empty
      if (error instanceof ApiError && error.code === 'AFFAIRS.QUEUE_EMPTY') current.value = null;
      throw error;
    }
  }

  async function recall(): Promise<void> {
    if (current.value) current.value = await affairs.recallTicket(current.value.ticketId);
  }

  async function noShow(): Promise<void> {
    if (!current.value) return;
    await affairs.closeTicket(current.value.ticketId, 'no_show');
    current.value = null;
  }

  /** After a reload: the ticket may have been closed from elsewhere meanwhile. */
  async function refreshCurrent(): Promise<void> {
    if (!current.value) return;
    try {
      const latest = await affairs.fetchTicket(current.value.ticketId);
      current.value = latest.state === 'called' ? latest : null;
    } catch (error) {
      // tickets live for their day: yesterday's is simply gone
      if (!(error instanceof ApiError) || error.code !== 'AFFAIRS.TICKET_NOT_FOUND') throw error;
      current.value = null;
    }
  }

  async function refreshBoard(centreId: string): Promise<void> {
    board.value = await affairs.fetchBoard(centreId);
  }

  return {
    windowNo,
    themes,
    current,
    board,
    windowError,
    callNext,
    recall,
    noShow,
    refreshCurrent,
    refreshBoard,
  };
});
