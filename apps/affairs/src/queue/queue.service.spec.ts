import type { KafkaClient } from '@psc/messaging';
import { expectAppError, fakeModel, fakeOutbox, manualClock, staff } from '@psc/testing/unit';
import type { Model } from 'mongoose';
import { describe, expect, it } from 'vitest';
import type { Counter } from '../shared/counter.model';
import { SequencesService } from '../shared/sequences.service';
import { QueueService } from './queue.service';
import type { Ticket } from './ticket.model';

const CENTRE = 'sz/futian/lianhua/c-002';
const counter = staff('counter_staff', CENTRE);

/** The queue over an in-memory store; the feed of other replicas' events is never started here. */
function newService() {
  const clock = manualClock('2025-03-03T01:00:00Z');
  const tickets = fakeModel<Ticket>();
  const outbox = fakeOutbox('affairs');
  const sequences = new SequencesService(fakeModel<Counter>() as unknown as Model<Counter>);
  const client = { name: (n: string) => n } as unknown as KafkaClient;
  const sut = new QueueService(tickets as unknown as Model<Ticket>, sequences, outbox, clock, client);
  const take = (theme: 'social-security' | 'civil-assistance') => sut.take({ centreId: CENTRE, theme });
  const call = (window: string, themes: ('social-security' | 'civil-assistance')[] = []) =>
    sut.callNext({ centreId: CENTRE, window, themes }, counter);
  return { sut, clock, tickets, outbox, take, call };
}

describe('QueueService', () => {
  it('numbers tickets per theme with its letter, and tells each how many wait before it', async () => {
    const { take, outbox } = newService();
    const a1 = await take('social-security');
    const b1 = await take('civil-assistance');
    const a2 = await take('social-security');
    expect([a1.number, b1.number, a2.number]).toEqual(['A001', 'B001', 'A002']);
    expect(a2).toMatchObject({
      state: 'waiting',
      waitingAhead: 1,
      centreId: CENTRE,
      theme: 'social-security',
    });
    expect(outbox.dataOf('affairs.queue.ticket-issued').map((e) => e.number)).toEqual([
      'A001',
      'B001',
      'A002',
    ]);
  });

  it("calls the longest-waiting ticket of the window's themes and closes the one it called before as served", async () => {
    const { take, call, outbox } = newService();
    const a1 = await take('social-security');
    const b1 = await take('civil-assistance');
    expect(await call('3', ['civil-assistance'])).toMatchObject({
      ticketId: b1.ticketId,
      state: 'called',
      window: '3',
    });
    expect(await call('3')).toMatchObject({ ticketId: a1.ticketId, window: '3' });
    expect(outbox.dataOf('affairs.queue.ticket-closed')).toEqual([
      expect.objectContaining({ ticketId: b1.ticketId, outcome: 'served' }),
    ]);
    await expectAppError(call('3'), 'AFFAIRS.QUEUE_EMPTY');
    await expectAppError(
      newService().sut.callNext(
        { centreId: CENTRE, window: '1', themes: [] },
        staff('counter_staff', 'sz/nanshan'),
      ),
      'AUTH.OUT_OF_SCOPE',
    );
  });

  it('never calls one person to two windows calling at once', async () => {
    const { take, call, outbox } = newService();
    await take('social-security');
    await take('social-security');
    const called = await Promise.all([call('1'), call('2')]);
    expect(called.map((t) => t.number).sort()).toEqual(['A001', 'A002']);
    expect(outbox.dataOf('affairs.queue.ticket-called')).toHaveLength(2);
  });

  it('recalls only a ticket being called, and closes a called ticket once', async () => {
    const { take, call, sut, clock } = newService();
    const waiting = await take('social-security');
    const recallWaiting = await expectAppError(
      sut.recall(waiting.ticketId, counter),
      'AFFAIRS.ILLEGAL_TRANSITION',
    );
    expect(recallWaiting.message).toBe('A001 号当前不在叫号中，不能重呼');
    await call('1');
    clock.advance(60_000);
    expect(await sut.recall(waiting.ticketId, counter)).toMatchObject({
      state: 'called',
      calledAt: '2025-03-03T01:01:00.000Z',
    });
    expect(await sut.close(waiting.ticketId, 'no_show', counter)).toMatchObject({ state: 'no_show' });
    const twice = await expectAppError(
      sut.close(waiting.ticketId, 'served', counter),
      'AFFAIRS.ILLEGAL_TRANSITION',
    );
    expect(twice.message).toBe('A001 号尚未叫号或已处理，不能标记');
  });

  it("reads a ticket left from an earlier day as expired, and starts the day's numbers again", async () => {
    const { take, sut, clock } = newService();
    const yesterday = await take('social-security');
    clock.advance(86_400_000);
    expect(await sut.ticket(yesterday.ticketId)).toMatchObject({ state: 'expired', waitingAhead: 0 });
    expect((await take('social-security')).number).toBe('A001');
    await expectAppError(sut.ticket('no-such-ticket'), 'AFFAIRS.TICKET_NOT_FOUND');
  });
});
