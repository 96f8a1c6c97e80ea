import { describe, expect, it } from 'vitest';
import { buildEvent, EVENTS, parseEvent } from '../registry';
import {
  ACTIVE_INCUBATION_STATES,
  allowedIncubationActions,
  assessIncubationRequest,
  INCUBATION_ACTION_ROLES,
  INCUBATION_ACTIONS,
  INCUBATION_STATE_CODES,
  INCUBATION_TRANSITIONS,
  incubationActionRequest,
  nextIncubationState,
  PASS_MARK,
  SCORE_SHEET,
} from './incubation';
import { allowedNeedActions, NEED_TRANSITIONS, postNeedRequest } from './lists';
import { partyBuildingInput, registerOrganisationRequest } from './organisation';

const profile = {
  centreId: 'sz/futian/xiangmihu/c-001',
  name: '香岭社区长者服务中心',
  type: 'service_agency',
  fields: ['elderly'],
  address: '深圳市福田区香岭路 8 号',
  foundedOn: '2021-05-10',
};

describe('organisation requests', () => {
  it('takes a registered organisation with its credit code, normalised', () => {
    const parsed = registerOrganisationRequest.parse({
      registration: 'registered',
      creditCode: ' 52440304 mj1234567x ',
      ...profile,
    });
    expect(parsed).toMatchObject({
      registration: 'registered',
      creditCode: '52440304MJ1234567X',
      description: '',
    });
  });

  it('files a community group with its 备案编号, and only a community group', () => {
    const filed = { registration: 'community_filed', filingNo: '香岭备 2024-01', ...profile };
    expect(registerOrganisationRequest.safeParse(filed).success).toBe(false);
    expect(registerOrganisationRequest.parse({ ...filed, type: 'community_group' })).toMatchObject({
      filingNo: '香岭备 2024-01',
    });
  });

  it('refuses a branch with fewer than three party members, a branch with no date, and a date on "none"', () => {
    const refused = (value: unknown) => partyBuildingInput.safeParse(value).error?.issues[0]?.message;
    expect(refused({ kind: 'branch', formedAt: '2024-07-01', partyMembers: 2 })).toBe(
      '成立党支部须有正式党员 3 名以上（党章第三十条）',
    );
    expect(refused({ kind: 'branch', partyMembers: 5 })).toBe('党组织成立日期应为有效日期（YYYY-MM-DD）');
    expect(partyBuildingInput.parse({ kind: 'none', formedAt: '2024-07-01', partyMembers: 1 })).toEqual({
      kind: 'none',
      partyMembers: 1,
    });
    expect(partyBuildingInput.parse({ kind: 'group', formedAt: '2024-07-01', partyMembers: 1 }).kind).toBe(
      'group',
    );
  });
});

describe('incubation state machine', () => {
  it('walks application → admission → assessment → 出壳', () => {
    let state = nextIncubationState('applied', 'admit');
    expect(state).toBe('incubating');
    state = nextIncubationState(state!, 'assess');
    expect(state).toBe('assessed');
    expect(nextIncubationState(state!, 'graduate')).toBe('graduated');
  });

  it('refuses to graduate without an assessment and to move a finished stay', () => {
    expect(nextIncubationState('incubating', 'graduate')).toBeUndefined();
    expect(nextIncubationState('applied', 'assess')).toBeUndefined();
    for (const state of INCUBATION_STATE_CODES)
      if (!ACTIVE_INCUBATION_STATES.includes(state)) expect(allowedIncubationActions(state)).toEqual([]);
  });

  it('reaches every state from an application, and names who may take every step', () => {
    const reached = new Set<string>(['applied']);
    for (let grew = true; grew;) {
      grew = false;
      for (const state of reached)
        for (const to of Object.values(INCUBATION_TRANSITIONS[state as keyof typeof INCUBATION_TRANSITIONS]))
          if (!reached.has(to)) grew = Boolean(reached.add(to));
    }
    expect([...reached].sort()).toEqual([...INCUBATION_STATE_CODES].sort());
    for (const action of Object.keys(INCUBATION_ACTIONS))
      expect(INCUBATION_ACTION_ROLES[action as keyof typeof INCUBATION_ACTIONS].length).toBeGreaterThan(0);
  });

  it('has a score sheet of 100 points with a pass mark inside it, each criterion capped', () => {
    expect(SCORE_SHEET.reduce((sum, c) => sum + c.max, 0)).toBe(100);
    expect(PASS_MARK).toBeGreaterThan(0);
    const scores = Object.fromEntries(SCORE_SHEET.map((c) => [c.code, c.max]));
    expect(assessIncubationRequest.safeParse({ revision: 1, scores, comment: '良好' }).success).toBe(true);
    const over = assessIncubationRequest.safeParse({
      revision: 1,
      scores: { ...scores, party: 11 },
      comment: '良好',
    });
    expect(over.error?.issues[0]?.message).toBe('该项最高 10 分');
  });

  it('asks each step for what it needs: a date to admit, a reason to reject or exit', () => {
    expect(incubationActionRequest.safeParse({ action: 'admit', revision: 1 }).success).toBe(false);
    expect(incubationActionRequest.safeParse({ action: 'exit', revision: 2 }).success).toBe(false);
    expect(incubationActionRequest.parse({ action: 'withdraw', revision: 1 })).toEqual({
      action: 'withdraw',
      revision: 1,
    });
  });
});

describe('needs', () => {
  it('may be reopened once matched or closed, and matched only while open', () => {
    expect(allowedNeedActions('open')).toEqual(['match', 'close']);
    expect(NEED_TRANSITIONS.matched.reopen).toBe('open');
    expect(NEED_TRANSITIONS.closed.match).toBeUndefined();
  });
});

describe('posting a need', () => {
  const need = {
    centreId: 'sz/futian/xiangmihu/c-001',
    category: 'elderly',
    title: '陪老人下棋',
    detail: '',
  };
  const problems = (body: object) =>
    postNeedRequest.safeParse(body).error?.issues.map((i) => [i.path.join('.'), i.message]) ?? [];

  it('takes a titled need and refuses phone and ID numbers on the board, in the field they are in', () => {
    expect(problems(need)).toEqual([]);
    expect(problems({ ...need, detail: '请打 13900000202 联系我' })).toEqual([
      ['detail', '需求描述中不能填写电话号码，工作人员会通过登记的方式联系您'],
    ]);
    expect(problems({ ...need, title: '440304198001010038 陪诊' })).toEqual([
      ['title', '需求标题中不能填写身份证号码，工作人员会通过登记的方式联系您'],
    ]);
    expect(problems({ ...need, title: '陪' })).toEqual([['title', '需求标题至少 2 个字']]);
  });
});

describe('socialorg events', () => {
  const at = '2025-03-03T02:00:00.000Z';
  const samples = {
    'socialorg.organisation.registered': {
      orgId: 'org-demo-001',
      centreId: 'sz/futian/xiangmihu/c-001',
      streetId: 'sz/futian/xiangmihu',
      name: '香岭社区长者服务中心',
      registration: 'registered',
      creditCode: '52440304MJ1234567X',
      type: 'service_agency',
      partyBuilding: { kind: 'branch', formedAt: '2024-07-01', partyMembers: 3 },
      by: 'u-1',
      at,
    },
    'socialorg.incubation.transitioned': {
      incubationId: 'inc-1',
      orgId: 'org-demo-001',
      baseId: 'sz/futian/xiangmihu',
      action: 'admit',
      from: 'applied',
      to: 'incubating',
      role: 'centre_admin',
      reason: null,
      by: 'u-1',
      at,
    },
    'socialorg.need.transitioned': {
      needId: 'need-1',
      centreId: 'sz/futian/xiangmihu/c-001',
      action: 'match',
      from: 'open',
      to: 'matched',
      target: { kind: 'resource', id: 'res-1' },
      waitedDays: 3,
      reason: null,
      by: 'u-1',
      at,
    },
  } as const;

  it.each(Object.entries(samples))('%s round-trips on its topic', (type, data) => {
    const event = buildEvent(type as keyof typeof samples, 'k-1', data as never, 'socialorg');
    expect(EVENTS[type as keyof typeof samples].topic).toMatch(/^socialorg\.[a-z]+\.v1$/);
    expect(parseEvent(JSON.parse(JSON.stringify(event)))).toEqual({ ok: true, event });
  });

  it('refuses a registration without its street, and a need that waited less than no time', () => {
    expect(() =>
      buildEvent(
        'socialorg.organisation.registered',
        'org-1',
        { ...samples['socialorg.organisation.registered'], streetId: '' },
        'socialorg',
      ),
    ).toThrow(/streetId/);
    const event = buildEvent(
      'socialorg.need.transitioned',
      'need-1',
      samples['socialorg.need.transitioned'],
      'socialorg',
    );
    expect(parseEvent({ ...event, data: { ...event.data, waitedDays: -1 } }).ok).toBe(false);
  });
});
