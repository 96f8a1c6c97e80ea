import { NEED_TRANSITIONS, type NeedAction, RESIDENT_OPEN_NEEDS_MAX } from '@psc/contracts/socialorg';
import { expectAppError, resident, staff } from '@psc/testing/unit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CENTRE,
  centreAdmin,
  counter,
  OTHER_CENTRE,
  otherAdmin,
  socialorgWorld,
  STREET,
  streetAdmin,
} from '../../test/socialorg-world';

const DAY = 86_400_000;
const need = (title = '楼道灯坏了没人修') => ({
  centreId: CENTRE,
  title,
  detail: '3 栋 2 单元',
  category: 'repair' as const,
});
const resourceOf = (centreId = CENTRE) => ({
  centreId,
  unit: '福田区供电局',
  kind: 'volunteers' as const,
  title: '电工志愿服务队',
  detail: '每月第二个周六',
  partyMembers: { count: 12, names: ['李强', '陈明'] },
});

describe('three lists: needs', () => {
  it('takes a need from a resident at the kiosk, and another from the window for a resident', async () => {
    const world = socialorgWorld();
    const posted = await world.lists.needs.post(need(), resident('r-1'));
    expect(posted).toMatchObject({
      state: 'open',
      postedBy: 'resident',
      waitingDays: 0,
      allowedActions: ['match', 'close'],
    });
    expect((await world.lists.needs.post(need('独居老人需要助餐'), counter)).postedBy).toBe('staff');
    expect(world.outbox.dataOf('socialorg.need.posted').map((d) => d.postedBy)).toEqual([
      'resident',
      'staff',
    ]);
    expect((await world.lists.needs.mine(resident('r-1'))).map((n) => n.needId)).toEqual([posted.needId]);
    await expectAppError(world.lists.needs.post(need(), otherAdmin), 'AUTH.OUT_OF_SCOPE');
  });

  it(`keeps a resident to ${RESIDENT_OPEN_NEEDS_MAX} needs waiting at once`, async () => {
    const world = socialorgWorld();
    for (let i = 0; i < RESIDENT_OPEN_NEEDS_MAX; i++)
      await world.lists.needs.post(need(`需求 ${i + 1}`), resident('r-1'));
    const error = await expectAppError(
      world.lists.needs.post(need(), resident('r-1')),
      'SOCIALORG.NEEDS_LIMIT',
    );
    expect(error.message).toBe('您已有 3 条需求正在等待对接，请等对接后再提交新的需求，或请工作人员协助');
    expect((await world.lists.needs.post(need(), resident('r-2'))).state).toBe('open');
  });

  it('matches a need to a resource, saying how long it waited, and counts it on the resource', async () => {
    const world = socialorgWorld();
    const posted = await world.lists.needs.post(need(), resident('r-1'));
    const resource = await world.lists.offers.offer(resourceOf(), centreAdmin);
    world.clock.advance(4 * DAY);
    const matched = await world.lists.steps.match(
      posted.needId,
      { revision: 1, target: { kind: 'resource', id: resource.resourceId }, note: '周六上门维修' },
      centreAdmin,
    );
    expect(matched).toMatchObject({
      state: 'matched',
      waitingDays: null,
      match: { kind: 'resource', title: '电工志愿服务队' },
    });
    expect(world.outbox.dataOf('socialorg.need.transitioned')).toEqual([
      expect.objectContaining({
        action: 'match',
        target: { kind: 'resource', id: resource.resourceId },
        waitedDays: 4,
      }),
    ]);
    const board = await world.lists.board.board(STREET, streetAdmin);
    expect(board.resources[0]).toMatchObject({
      matchedNeeds: 1,
      partyMembers: { count: 12, names: ['李强', '陈明'] },
    });
  });

  it("refuses a match to another street's resource, to nothing, and on a stale revision", async () => {
    const world = socialorgWorld();
    const posted = await world.lists.needs.post(need(), resident('r-1'));
    const far = await world.lists.offers.offer(resourceOf(OTHER_CENTRE), staff('centre_admin', OTHER_CENTRE));
    await expectAppError(
      world.lists.steps.match(
        posted.needId,
        { revision: 1, target: { kind: 'resource', id: far.resourceId }, note: '' },
        centreAdmin,
      ),
      'AUTH.OUT_OF_SCOPE',
    );
    await expectAppError(
      world.lists.steps.match(
        posted.needId,
        { revision: 1, target: { kind: 'project', id: 'prj-nothing' }, note: '' },
        centreAdmin,
      ),
      'SOCIALORG.PROJECT_NOT_FOUND',
    );
    await world.lists.steps.step(
      posted.needId,
      { action: 'close', revision: 1, reason: '已由物业解决' },
      centreAdmin,
    );
    const stale = await expectAppError(
      world.lists.steps.step(posted.needId, { action: 'close', revision: 1, reason: '重复' }, centreAdmin),
      'SOCIALORG.NEED_CHANGED',
    );
    expect(stale.message).toBe('该需求刚被他人处理，现为“已关闭”，请刷新后再操作');
  });

  it('takes every step the need allows and refuses every other with 409', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom<NeedAction>('match', 'close', 'reopen'), { maxLength: 8 }),
        async (actions) => {
          const world = socialorgWorld();
          const project = await world.lists.offers.list(
            { centreId: CENTRE, title: '长者助餐', detail: '', source: 'micro', ref: null },
            centreAdmin,
          );
          let view = await world.lists.needs.post(need(), resident('r-1'));
          for (const action of actions) {
            const to = NEED_TRANSITIONS[view.state][action];
            const attempt =
              action === 'match'
                ? world.lists.steps.match(
                    view.needId,
                    { revision: view.revision, target: { kind: 'project', id: project.projectId }, note: '' },
                    centreAdmin,
                  )
                : world.lists.steps.step(
                    view.needId,
                    { action, revision: view.revision, reason: '说明原因' },
                    centreAdmin,
                  );
            if (to) view = await attempt;
            else await expectAppError(attempt, 'SOCIALORG.NEED_ILLEGAL_STEP');
            expect(view.state).toBe(to ?? view.state);
            // open means nobody has it; a closed need keeps the match it had, for the record
            if (view.state === 'open') expect(view.match).toBeNull();
            if (view.state === 'matched') expect(view.match).not.toBeNull();
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('three lists: resources, projects and the board', () => {
  it('refuses more names of 双报到 party members than the count', async () => {
    const error = await expectAppError(
      socialorgWorld().lists.offers.offer(
        { ...resourceOf(), partyMembers: { count: 1, names: ['李强', '陈明'] } },
        centreAdmin,
      ),
      'SOCIALORG.LIST_ENTRY_INVALID',
    );
    expect(error.message).toBe('列出了 2 名党员，多于报到人数 1');
  });

  it('lists a project once per reference: staff are told, the purchased-service code gets the first listing', async () => {
    const world = socialorgWorld();
    const entry = {
      centreId: CENTRE,
      title: '长者助餐服务项目',
      detail: '',
      source: 'purchased_service' as const,
      ref: 'agreement:agr-001',
    };
    const first = await world.lists.offers.record(entry, centreAdmin);
    const again = await world.lists.offers.record(entry, centreAdmin);
    expect([first.created, again.created, again.project._id]).toEqual([true, false, first.project._id]);
    const error = await expectAppError(
      world.lists.offers.list(entry, centreAdmin),
      'SOCIALORG.PROJECT_LISTED',
    );
    expect(error.message).toBe('该项目已在项目清单中：“长者助餐服务项目”');
    expect(world.outbox.types.filter((t) => t === 'socialorg.project.listed')).toHaveLength(1);
  });

  it("shows what is unmatched and for how long, oldest first, and only the keeper's own place", async () => {
    const world = socialorgWorld();
    const old = await world.lists.needs.post(need('老旧小区加装扶手'), resident('r-1'));
    world.clock.advance(6 * DAY);
    const recent = await world.lists.needs.post(need('四点半课堂缺志愿者'), resident('r-2'));
    world.clock.advance(DAY);
    await world.lists.needs.post(
      { ...need('另一个街道的需求'), centreId: OTHER_CENTRE },
      staff('centre_admin', OTHER_CENTRE),
    );
    const board = await world.lists.board.board(STREET, streetAdmin);
    expect(board.needs.map((n) => [n.needId, n.waitingDays])).toEqual([
      [old.needId, 7],
      [recent.needId, 1],
    ]);
    expect(board.summary).toEqual({ open: 2, matched: 0, closed: 0, oldestOpenDays: 7 });
    await expectAppError(world.lists.board.board('sz/futian', streetAdmin), 'AUTH.OUT_OF_SCOPE');
  });
});
