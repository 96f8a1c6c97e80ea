import type { IncubationView } from '@psc/contracts/socialorg';
import { ApiError } from '@psc/web-data';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shell/api';
import { useIncubationBoardStore, useIncubationCaseStore, useMyIncubationStore } from './store';

vi.mock('../../shell/api', async (original) => ({
  ...(await original<typeof import('../../shell/api')>()),
  api: { get: vi.fn(), post: vi.fn() },
}));
const get = vi.mocked(api.get);
const post = vi.mocked(api.post);

const stay = (incubationId: string, state: IncubationView['state'], appliedAt: string) =>
  ({ incubationId, state, appliedAt }) as IncubationView;

describe('the organisation’s incubation', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.resetAllMocks();
  });

  it('lists the newest application first and knows the one still standing', async () => {
    get.mockResolvedValue([
      stay('inc-old', 'rejected', '2026-01-05T02:00:00.000Z'),
      stay('inc-new', 'applied', '2026-11-01T02:00:00.000Z'),
    ]);
    const store = useMyIncubationStore();
    await store.load();
    expect(get).toHaveBeenCalledWith('/socialorg/incubations/mine');
    expect(store.incubations.map((i) => i.incubationId)).toEqual(['inc-new', 'inc-old']);
    expect(store.active?.incubationId).toBe('inc-new');
  });

  it('has none standing after a rejection, so the form to apply again shows', async () => {
    get.mockResolvedValue([stay('inc-old', 'rejected', '2026-01-05T02:00:00.000Z')]);
    const store = useMyIncubationStore();
    await store.load();
    expect(store.active).toBeUndefined();
  });

  it('puts a new application at the top, and keeps the list as it was when the service refuses', async () => {
    const store = useMyIncubationStore();
    post.mockResolvedValueOnce(stay('inc-1', 'applied', '2026-12-03T02:00:00.000Z'));
    await store.apply({
      orgId: 'org-1',
      baseId: 'sz/futian/xiangmihu',
      plan: 'x'.repeat(10),
      needs: ['office'],
      teamSize: 3,
      attachments: [],
    });
    expect(post).toHaveBeenCalledWith('/socialorg/incubations', expect.objectContaining({ orgId: 'org-1' }));
    post.mockRejectedValueOnce(new ApiError('SOCIALORG.INCUBATION_ACTIVE', '该组织已有在办的入驻申请', 409));
    await expect(
      store.apply({
        orgId: 'org-1',
        baseId: 'sz/futian/xiangmihu',
        plan: 'x'.repeat(10),
        needs: ['office'],
        teamSize: 3,
        attachments: [],
      }),
    ).rejects.toThrow('该组织已有在办的入驻申请');
    expect(store.incubations.map((i) => i.incubationId)).toEqual(['inc-1']);
  });
});

describe('the base’s review board', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.resetAllMocks();
  });

  it('reads the board of the base again after a step, since the step moves the row', async () => {
    get.mockResolvedValue([]);
    post.mockResolvedValue({});
    const store = useIncubationBoardStore();
    await store.load('sz/futian/xiangmihu');
    await store.act('inc-1', { action: 'reject', revision: 1, reason: '不符合条件' });
    expect(post).toHaveBeenCalledWith('/socialorg/incubations/inc-1/actions', {
      action: 'reject',
      revision: 1,
      reason: '不符合条件',
    });
    expect(get).toHaveBeenLastCalledWith('/socialorg/incubations?baseId=sz%2Ffutian%2Fxiangmihu');
    expect(get).toHaveBeenCalledTimes(2);
  });
});

describe('one stay served by the base', () => {
  const BASE = 'sz/futian/xiangmihu/c-001';
  const served = (revision: number) =>
    ({ incubationId: 'inc-1', baseId: BASE, state: 'incubating', revision }) as IncubationView;

  beforeEach(() => {
    setActivePinia(createPinia());
    vi.resetAllMocks();
  });

  it("offers the base centre's rooms and shows the stay as each service answered it", async () => {
    get.mockImplementation(async (path: unknown) =>
      String(path).startsWith('/catalogue/')
        ? { rooms: [{ name: '书画室' }, { name: '多功能厅' }] }
        : served(3),
    );
    const store = useIncubationCaseStore();
    await store.open('inc-1');
    expect(get).toHaveBeenCalledWith(
      expect.stringMatching(
        /^\/catalogue\/centres\/sz%2Ffutian%2Fxiangmihu%2Fc-001\/rooms\?date=\d{4}-\d{2}-\d{2}$/,
      ),
    );
    expect(store.rooms).toEqual(['书画室', '多功能厅']);

    post.mockResolvedValueOnce(served(4));
    await store.assignMentor({
      revision: 3,
      name: '李老师',
      affiliation: '市社工协会',
      expertise: '项目设计',
    });
    expect(post).toHaveBeenCalledWith(
      '/socialorg/incubations/inc-1/mentor',
      expect.objectContaining({ revision: 3 }),
    );
    expect(store.current?.revision).toBe(4);
  });

  it('lets a room be typed in when the catalogue has no rooms for the base', async () => {
    get.mockImplementation(async (path: unknown) => {
      if (String(path).startsWith('/catalogue/'))
        throw new ApiError('CATALOGUE.CENTRE_NOT_FOUND', '没有找到该中心', 404);
      return served(1);
    });
    const store = useIncubationCaseStore();
    await store.open('inc-1');
    expect(store.current?.incubationId).toBe('inc-1');
    expect(store.rooms).toEqual([]);
  });
});
