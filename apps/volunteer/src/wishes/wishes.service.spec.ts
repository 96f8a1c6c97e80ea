import { expectAppError } from '@psc/testing/unit';
import { describe, expect, it } from 'vitest';
import { admin, CENTRE, kiosk, volunteerWorld } from '../../test/volunteer-world';

describe('WishesService', () => {
  it.each([
    ['我家的电话是 13812345678，想请人帮忙修水管', '不能填写电话号码'],
    ['身份证 11010519491231002X 帮忙取药', '不能填写身份证号码'],
    ['帮忙', '至少 5 个字'],
  ])('refuses %s with a Chinese reason', async (text, reason) => {
    const w = volunteerWorld();
    const error = await expectAppError(
      w.wishes.post({ centreId: CENTRE, text }, kiosk('r-9')),
      'VOLUNTEER.WISH_TEXT_REFUSED',
    );
    expect(error.message).toContain(reason);
  });

  it('goes from the kiosk through approval, claim and fulfilment to confirmation, crediting the claimer once', async () => {
    const w = volunteerWorld();
    const poster = kiosk('r-9');
    const helper = await w.registered('r-1');
    const wish = await w.wishes.post({ centreId: CENTRE, text: '想请志愿者周末陪老人去医院复诊' }, poster);
    expect(wish.state).toBe('pending');
    await w.wishes.approve(wish.wishId, admin);
    w.clock.advance(3 * 86_400_000);
    expect((await w.wishes.list({ centreId: CENTRE }, helper)).map((x) => x.ageDays)).toEqual([3]);
    await w.wishes.claim(wish.wishId, helper);
    await expectAppError(w.wishes.claim(wish.wishId, await w.registered('r-2')), 'VOLUNTEER.WISH_STATE');
    await w.wishes.fulfil(wish.wishId, { minutes: 90, note: '' }, helper);
    await expectAppError(w.wishes.confirm(wish.wishId, kiosk('r-3')), 'AUTH.NOT_OWN_RECORD');
    expect((await w.wishes.confirm(wish.wishId, poster)).state).toBe('confirmed');
    await w.wishes.confirm(wish.wishId, admin);
    await w.settle();
    expect((await w.hours.mine(helper)).total.creditMinutes).toBe(90);
    expect(w.outbox.dataOf('volunteer.hours.credited')).toHaveLength(1);
  });
});
