import { ApiError } from '@psc/web-data';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useQueueStore } from './queue';

const callNext = vi.fn();
const fetchTicket = vi.fn();
vi.mock('../api/affairs', () => ({
  callNext: (request: unknown) => callNext(request) as unknown,
  fetchTicket: (id: string) => fetchTicket(id) as unknown,
}));

const ticket = (state = 'called') => ({ ticketId: 't-1', number: 'B001', theme: 'civil-assistance', state });

describe('the window’s queue', () => {
  beforeEach(() => {
    localStorage.clear();
    setActivePinia(createPinia());
    callNext.mockReset();
    fetchTicket.mockReset();
  });

  it('keeps the window, its themes and the ticket being served across a reload', async () => {
    const queue = useQueueStore();
    queue.windowNo = '3';
    queue.themes = ['civil-assistance'];
    callNext.mockResolvedValue(ticket());
    await queue.callNext('c-1');
    expect(callNext).toHaveBeenCalledWith({ centreId: 'c-1', window: '3', themes: ['civil-assistance'] });

    await Promise.resolve(); // the watcher writes to localStorage after the change
    setActivePinia(createPinia());
    const reloaded = useQueueStore();
    expect(reloaded.windowNo).toBe('3');
    expect(reloaded.themes).toEqual(['civil-assistance']);
    expect(reloaded.current?.number).toBe('B001');
  });

  it('lets go of the ticket when the queue turns out empty: the server closed it as served', async () => {
    const queue = useQueueStore();
    queue.windowNo = '3';
    queue.current = ticket() as never;
    callNext.mockRejectedValue(new ApiError('AFFAIRS.QUEUE_EMPTY', '当前没有等候的群众', 404));
    await expect(queue.callNext('c-1')).rejects.toMatchObject({ message: '当前没有等候的群众' });
    expect(queue.current).toBeNull();
  });

  it('checks the window number with the service’s own rule', () => {
    const queue = useQueueStore();
    queue.windowNo = '三号';
    expect(queue.windowError()).toBe('窗口号为 1–4 位字母或数字');
    queue.windowNo = 'A12';
    expect(queue.windowError()).toBeUndefined();
  });

  it('forgets a ticket closed from elsewhere, or gone with yesterday', async () => {
    const queue = useQueueStore();
    queue.current = ticket() as never;
    fetchTicket.mockResolvedValueOnce(ticket('no_show'));
    await queue.refreshCurrent();
    expect(queue.current).toBeNull();

    queue.current = ticket() as never;
    fetchTicket.mockRejectedValueOnce(new ApiError('AFFAIRS.TICKET_NOT_FOUND', '没有找到该号码', 404));
    await queue.refreshCurrent();
    expect(queue.current).toBeNull();
  });
});
