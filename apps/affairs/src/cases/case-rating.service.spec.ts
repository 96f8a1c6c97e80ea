import { expectAppError, resident } from '@psc/testing/unit';
import { describe, expect, it } from 'vitest';
import { applicant, caseWorld } from '../../test/case-world';

describe('CaseRatingService.rate', () => {
  it('records a rating by the resident who applied, once, and announces it', async () => {
    const world = caseWorld();
    const delivered = await world.delivered();
    const view = await world.rating.rate(delivered.caseNo, { score: 5, comment: '一次办好' }, applicant);
    expect(view).toMatchObject({
      state: 'rated',
      rating: { score: 5, comment: '一次办好', at: '2025-03-03T02:00:00.000Z', via: 'kiosk' },
      rectification: null,
    });
    expect(view.history.at(-1)).toMatchObject({
      action: 'rate',
      by: 'r-1',
      role: 'resident',
      reason: '一次办好',
    });
    expect(world.outbox.dataOf('affairs.case.transitioned').at(-1)).toMatchObject({
      action: 'rate',
      rating: 5,
    });
    const twice = await expectAppError(
      world.rating.rate(delivered.caseNo, { score: 1 }, applicant),
      'AFFAIRS.ALREADY_RATED',
    );
    expect(twice.status).toBe(409);
  });

  it('opens a rectification due in 5 working days for a 差评 (1 or 2), not for 3', async () => {
    const world = caseWorld();
    const bad = await world.rating.rate((await world.delivered()).caseNo, { score: 2 }, applicant);
    expect(bad.rectification).toEqual({
      due: '2025-03-10',
      answer: null,
      answeredAt: null,
      answeredBy: null,
      overdue: false,
    });
    const fair = await world.rating.rate((await world.delivered()).caseNo, { score: 3 }, applicant);
    expect(fair.rectification).toBeNull();
  });

  it("refuses someone else's case and a case not yet delivered", async () => {
    const world = caseWorld();
    const delivered = await world.delivered();
    await expectAppError(
      world.rating.rate(delivered.caseNo, { score: 5 }, resident('r-2')),
      'AUTH.NOT_OWN_RECORD',
    );
    const open = await world.open();
    const early = await expectAppError(
      world.rating.rate(open.caseNo, { score: 5 }, applicant),
      'AFFAIRS.ILLEGAL_TRANSITION',
    );
    expect(early.message).toBe('办件当前为“已受理”，不能“评价”；现在可以：分办、办结、要求补正、不予受理');
  });
});

describe('CaseRatingService through the texted link', () => {
  it('shows the case behind a right token as progress, and rates it by SMS for the applicant', async () => {
    const world = caseWorld();
    const { caseNo } = await world.delivered();
    const token = world.secrets.ratingToken(caseNo);
    expect(token).toMatch(/^[\w-]{22}$/);
    expect(await world.rating.ratingLink(caseNo, token)).toMatchObject({
      caseNo,
      state: 'delivered',
      canRate: true,
    });
    const view = await world.rating.rateByLink(caseNo, { token, score: 1, comment: '材料要求不清楚' });
    expect(view).toMatchObject({
      state: 'rated',
      rating: { score: 1, via: 'sms' },
      rectification: { due: '2025-03-10' },
    });
    expect(view.history.at(-1)).toMatchObject({ by: 'r-1', role: 'resident' });
    expect(await world.rating.ratingLink(caseNo, token)).toMatchObject({ state: 'rated', canRate: false });
  });

  it('answers a wrong token and an unknown case alike, and pauses the case after 5 wrong tokens', async () => {
    const world = caseWorld();
    const { caseNo } = await world.delivered();
    const token = world.secrets.ratingToken(caseNo);
    await expectAppError(world.rating.ratingLink('25030399999', token), 'AFFAIRS.RATING_LINK_INVALID');
    for (let i = 0; i < 5; i++)
      await expectAppError(
        world.rating.ratingLink(caseNo, `${token.slice(0, -1)}x`),
        'AFFAIRS.RATING_LINK_INVALID',
      );
    await expectAppError(world.rating.rateByLink(caseNo, { token, score: 5 }), 'COMMON.RATE_LIMITED');
    world.clock.advance(15 * 60_000 + 1);
    expect((await world.rating.rateByLink(caseNo, { token, score: 5 })).state).toBe('rated');
  });
});
