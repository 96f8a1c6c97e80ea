import { expectAppError, staff } from '@psc/testing/unit';
import { describe, expect, it } from 'vitest';
import { admin, applicant, caseWorld, CENTRE, counter, OTHER_CENTRE } from '../../test/case-world';

/** A case rated 差评 on Monday 2025-03-03: the answer is due by the end of Monday 2025-03-10 in Shanghai. */
async function badlyRated() {
  const world = caseWorld();
  const { caseNo } = await world.delivered();
  await world.rating.rate(caseNo, { score: 1, comment: '等了很久' }, applicant);
  return { world, caseNo };
}

describe('CaseRectificationService.answer', () => {
  it('records the answer once, on time up to the last second of the due day', async () => {
    const { world, caseNo } = await badlyRated();
    world.clock.set('2025-03-10T15:59:59Z');
    const view = await world.rectification.answer(caseNo, '已优化材料清单说明', admin);
    expect(view.rectification).toEqual({
      due: '2025-03-10',
      answer: '已优化材料清单说明',
      answeredAt: '2025-03-10T15:59:59.000Z',
      answeredBy: 'u-centre_admin',
      overdue: false,
    });
    expect(view).toMatchObject({ state: 'rated' });
    expect(view.history.at(-1)).toMatchObject({
      action: 'rectify',
      from: 'rated',
      to: 'rated',
      role: 'centre_admin',
    });
    expect(world.outbox.dataOf('affairs.case.rectified')).toEqual([
      {
        caseNo,
        centreId: CENTRE,
        itemCode: 'MZ-001',
        by: 'u-centre_admin',
        at: '2025-03-10T15:59:59.000Z',
        due: '2025-03-10',
        onTime: true,
      },
    ]);
    const twice = await expectAppError(
      world.rectification.answer(caseNo, '再答一次', admin),
      'AFFAIRS.ILLEGAL_TRANSITION',
    );
    expect(twice.message).toBe('该差评的整改情况已经答复过');
  });

  it('marks an answer after the due day as late, and the case as overdue until then', async () => {
    const { world, caseNo } = await badlyRated();
    world.clock.set('2025-03-10T16:00:00Z');
    expect((await world.queries.get(caseNo, admin)).rectification?.overdue).toBe(true);
    const view = await world.rectification.answer(caseNo, '已约谈窗口人员', admin);
    expect(view.rectification?.overdue).toBe(false);
    expect(world.outbox.dataOf('affairs.case.rectified')[0].onTime).toBe(false);
  });

  it('refuses a case with no 差评, and anyone but that centre’s administrator', async () => {
    const { world, caseNo } = await badlyRated();
    await expectAppError(world.rectification.answer(caseNo, '已整改完毕', counter), 'AUTH.OUT_OF_SCOPE');
    await expectAppError(
      world.rectification.answer(caseNo, '已整改完毕', staff('centre_admin', OTHER_CENTRE)),
      'AUTH.OUT_OF_SCOPE',
    );
    const fine = await world.open();
    const none = await expectAppError(
      world.rectification.answer(fine.caseNo, '已整改完毕', admin),
      'AFFAIRS.ILLEGAL_TRANSITION',
    );
    expect(none.message).toBe('该办件没有需要整改的差评');
  });
});
