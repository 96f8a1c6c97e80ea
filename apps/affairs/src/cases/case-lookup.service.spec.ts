import { expectAppError } from '@psc/testing/unit';
import { describe, expect, it } from 'vitest';
import { caseWorld, ID_TAIL } from '../../test/case-world';
import { LOOKUP_FAILURES_ALLOWED, LOOKUP_WINDOW_MS } from './lookup-guard';

describe('CaseLookupService.progress', () => {
  it('shows a case to whoever holds its number and the last 6 of the ID number, without staff names', async () => {
    const world = caseWorld();
    const { caseNo } = await world.open(['户口簿']);
    expect(await world.lookup.progress(caseNo, ID_TAIL.toLowerCase())).toEqual({
      caseNo,
      itemName: '最低生活保障申请',
      state: 'correcting',
      openedAt: '2025-03-03T02:00:00.000Z',
      due: null,
      missing: ['户口簿'],
      deferred: { names: [], due: null, supplied: true, overdue: false },
      steps: [
        {
          action: 'open',
          to: 'correcting',
          at: '2025-03-03T02:00:00.000Z',
          reason: '一次性告知：缺少户口簿',
        },
      ],
      canRate: false,
    });
  });

  it('answers a wrong tail and an unknown case alike', async () => {
    const world = caseWorld();
    const { caseNo } = await world.open();
    const wrong = await expectAppError(world.lookup.progress(caseNo, '000000'), 'AFFAIRS.LOOKUP_FAILED');
    expect(wrong.status).toBe(404);
    await expectAppError(world.lookup.progress('25030399999', ID_TAIL), 'AFFAIRS.LOOKUP_FAILED');
  });

  it('pauses lookups of a case after 5 wrong tails, even with the right one, for that case alone and a while', async () => {
    const world = caseWorld();
    const { caseNo } = await world.open();
    const other = await world.open();
    for (let i = 0; i < LOOKUP_FAILURES_ALLOWED; i++)
      await expectAppError(world.lookup.progress(caseNo, `00000${i}`), 'AFFAIRS.LOOKUP_FAILED');
    const paused = await expectAppError(world.lookup.progress(caseNo, ID_TAIL), 'COMMON.RATE_LIMITED');
    expect(paused.message).toBe('查询错误次数过多，请 15 分钟后再试，或带身份证到窗口查询');
    expect(paused.status).toBe(429);
    expect((await world.lookup.progress(other.caseNo, ID_TAIL)).caseNo).toBe(other.caseNo);
    world.clock.advance(LOOKUP_WINDOW_MS + 1);
    expect((await world.lookup.progress(caseNo, ID_TAIL)).caseNo).toBe(caseNo);
  });

  it('counts wrong tails and wrong rating-link tokens of a case together', async () => {
    const world = caseWorld();
    const { caseNo } = await world.delivered();
    for (let i = 0; i < LOOKUP_FAILURES_ALLOWED - 1; i++)
      await expectAppError(world.lookup.progress(caseNo, `00000${i}`), 'AFFAIRS.LOOKUP_FAILED');
    await expectAppError(
      world.rating.ratingLink(caseNo, 'not-the-token-at-all'),
      'AFFAIRS.RATING_LINK_INVALID',
    );
    await expectAppError(
      world.rating.ratingLink(caseNo, world.secrets.ratingToken(caseNo)),
      'COMMON.RATE_LIMITED',
    );
  });
});
