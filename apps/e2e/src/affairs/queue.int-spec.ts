import type { TicketView } from '@psc/contracts/affairs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SystemWorld } from '../world';

const CENTRE = 'sz/futian/lianhua/c-002';

/** 取号 at the kiosk, 叫号 at the windows, and the hall display's board, through the gateway. */
describe('affairs: the queue', () => {
  const world = new SystemWorld(inject('stack'));
  let staff: Record<string, string>;
  const api = (path: string) => `${world.apps.gateway!.url}/api/affairs/queue${path}`;
  const post = (path: string, body: unknown = {}, headers: Record<string, string> = {}) =>
    fetch(api(path), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const take = async (theme: string) =>
    (await (await post('/tickets', { centreId: CENTRE, theme })).json()) as TicketView;
  const call = (window: string, themes: string[] = []) =>
    post('/call', { centreId: CENTRE, window, themes }, staff);

  beforeAll(async () => {
    await world.startAll(['catalogue', 'insight', 'affairs']);
    staff = { authorization: `Bearer ${await world.tokenFor('counter_staff', CENTRE)}` };
  });
  afterAll(() => world.dispose());

  it('numbers tickets per theme, calls each person once across windows, and shows the calls on the board', async () => {
    const first = await take('social-security');
    const second = await take('social-security');
    const other = await take('civil-assistance');
    expect([first.number, second.number, other.number]).toEqual(['A001', 'A002', 'B001']);
    expect(second).toMatchObject({ state: 'waiting', waitingAhead: 1 });
    expect(second.estimateMinutes).toBeGreaterThan(0);

    // two windows press 叫号 at the same moment
    const [w1, w2] = await Promise.all([call('1', ['social-security']), call('2', ['social-security'])]);
    const calledNumbers = [(await w1.json()) as TicketView, (await w2.json()) as TicketView].map(
      (t) => t.number,
    );
    expect(calledNumbers.sort()).toEqual(['A001', 'A002']);

    const emptyForTheme = await call('3', ['social-security']);
    expect(emptyForTheme.status).toBe(404);
    expect(((await emptyForTheme.json()) as { message: string }).message).toBe('当前没有等候的群众');

    const board = (await (await fetch(api(`/board?centreId=${encodeURIComponent(CENTRE)}`))).json()) as {
      waiting: { theme: string; count: number }[];
      calling: { number: string; window: string }[];
    };
    expect(board.waiting).toEqual([expect.objectContaining({ theme: 'civil-assistance', count: 1 })]);
    expect(board.calling.map((c) => c.number).sort()).toEqual(['A001', 'A002']);
  });

  it('recalls, marks 过号, serves the current ticket when the window calls the next, and refuses what makes no sense', async () => {
    const a = await take('legal');
    const b = await take('legal');
    const called = (await (await call('5', ['legal'])).json()) as TicketView;
    expect(called.number).toBe(a.number);
    expect((await post(`/tickets/${a.ticketId}/recall`, {}, staff)).status).toBe(200);
    const noShow = (await (
      await post(`/tickets/${a.ticketId}/close`, { outcome: 'no_show' }, staff)
    ).json()) as TicketView;
    expect(noShow.state).toBe('no_show');
    const recallClosed = await post(`/tickets/${a.ticketId}/recall`, {}, staff);
    expect(recallClosed.status).toBe(409);

    await call('5', ['legal']);
    const c = await take('legal');
    await call('5', ['legal']);
    const bAfter = (await (await fetch(api(`/tickets/${b.ticketId}`))).json()) as TicketView;
    expect(bAfter.state).toBe('served');
    const cAfter = (await (await fetch(api(`/tickets/${c.ticketId}`))).json()) as TicketView;
    expect(cAfter).toMatchObject({ state: 'called', window: '5' });

    const anonymousCall = await post('/call', { centreId: CENTRE, window: '1' });
    expect(anonymousCall.status).toBe(401);
    const outsider = await post(
      '/call',
      { centreId: CENTRE, window: '1' },
      {
        authorization: `Bearer ${await world.tokenFor('counter_staff', 'sz/futian/xiangmihu/c-001')}`,
      },
    );
    expect(outsider.status).toBe(403);
    const badTheme = await post('/tickets', { centreId: CENTRE, theme: 'nope' });
    expect(((await badTheme.json()) as { message: string }).message).toContain('请选择要办理的业务类别');
  });

  it('shows a ticket left waiting from an earlier day as expired, and never calls it', async () => {
    const yesterday = new Date(Date.now() - 24 * 3600_000);
    await world
      .db('affairs')
      .collection<{ _id: string }>('tickets')
      .insertOne({
        _id: `old-${world.namespace}`,
        centreId: CENTRE,
        day: '2026-01-05',
        theme: 'elderly-care',
        number: 'C001',
        state: 'waiting',
        issuedAt: yesterday,
        calledAt: null,
        calledBy: null,
        window: null,
        closedAt: null,
      } as never);
    const old = await fetch(api(`/tickets/old-${world.namespace}`));
    expect(old.status).toBe(200);
    expect(await old.json()).toMatchObject({ number: 'C001', state: 'expired', waitingAhead: 0 });
    const unknown = await fetch(api('/tickets/no-such-ticket'));
    expect(unknown.status).toBe(404);
    expect((await call('9', ['elderly-care'])).status).toBe(404);
  });
});
