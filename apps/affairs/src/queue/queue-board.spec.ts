import { describe, expect, it } from 'vitest';
import { QueueBoard } from './queue-board';

const C = 'sz/futian/xiangmihu/c-001';
const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 2, minute)).toISOString();
const issued = (n: number, queue = 'social-security') => ({
  ticketId: `t${n}`,
  centreId: C,
  number: `A00${n}`,
  queue,
  issuedAt: at(n),
});
const called = (n: number, minute: number, window = '1') => ({
  ticketId: `t${n}`,
  centreId: C,
  number: `A00${n}`,
  window,
  calledAt: at(minute),
  recall: false,
});
const closed = (n: number, minute: number, outcome: 'served' | 'no_show' = 'served') => ({
  ticketId: `t${n}`,
  centreId: C,
  number: `A00${n}`,
  outcome,
  at: at(minute),
});

describe('queue board', () => {
  it('ends in the same state whatever the order and repetition of the updates', () => {
    const inOrder = new QueueBoard();
    inOrder.issued(issued(1));
    inOrder.called(called(1, 10));
    inOrder.closed(closed(1, 20));

    const shuffled = new QueueBoard();
    shuffled.issued(issued(1));
    shuffled.closed(closed(1, 20));
    shuffled.called(called(1, 10)); // late and stale: must not reopen the ticket
    shuffled.issued(issued(1));
    const now = new Date(at(30));
    expect(shuffled.view('t1', now)).toEqual(inOrder.view('t1', now));
    expect(shuffled.view('t1', now)?.state).toBe('served');
  });

  it('calls the longest waiting of the window’s themes and counts who is ahead', () => {
    const board = new QueueBoard();
    board.issued(issued(1));
    board.issued(issued(2, 'civil-assistance'));
    board.issued(issued(3));
    expect(board.waiting(C, ['social-security']).map((t) => t.ticketId)).toEqual(['t1', 't3']);
    expect(board.waiting(C).map((t) => t.ticketId)).toEqual(['t1', 't2', 't3']);
    expect(board.view('t3', new Date(at(5)))?.waitingAhead).toBe(1);
  });

  it('estimates the wait from the centre’s recent visits shared by its open windows', () => {
    const board = new QueueBoard();
    for (const n of [1, 2, 3, 4, 5]) board.issued(issued(n));
    // two visits of 10 minutes at two windows
    board.called(called(1, 10, '1'));
    board.closed(closed(1, 20));
    board.called(called(2, 12, '2'));
    board.closed(closed(2, 22));
    const view = board.view('t5', new Date(at(23)));
    expect(view?.waitingAhead).toBe(2);
    expect(view?.estimateMinutes).toBe(10); // 2 people × 10 min ÷ 2 windows
    expect(board.board(C, new Date(at(23))).calling.map((c) => c.number)).toEqual(['A002', 'A001']);
  });

  it('starts each Shanghai day with empty queues, and takes no late news of an earlier day’s ticket', () => {
    const board = new QueueBoard();
    board.roll(new Date(at(0)));
    board.issued(issued(1));
    board.issued(issued(2));
    board.called(called(1, 10));
    // 16:00 UTC is midnight in Shanghai: yesterday's waiting ticket is not called in the morning
    board.roll(new Date(Date.UTC(2026, 10, 23, 16, 0)));
    expect(board.waiting(C)).toEqual([]);
    expect(board.view('t2', new Date(Date.UTC(2026, 10, 23, 16, 1)))).toBeUndefined();
    expect(board.calledAt(C, '1')).toBeUndefined();
    board.issued(issued(3));
    expect(board.view('t3', new Date(Date.UTC(2026, 10, 23, 16, 1)))).toBeUndefined();
    board.issued({ ...issued(4), issuedAt: new Date(Date.UTC(2026, 10, 23, 16, 0, 30)).toISOString() });
    expect(board.waiting(C).map((t) => t.ticketId)).toEqual(['t4']);
  });
});
