import type { ListsBoard, NeedView } from '@psc/contracts/socialorg';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../shell/api';
import { partyCoverage } from '../organisation/store';
import { useListsBoardStore } from './store';

vi.mock('../../shell/api', async (original) => ({
  ...(await original<typeof import('../../shell/api')>()),
  api: { get: vi.fn(), post: vi.fn() },
}));
const get = vi.mocked(api.get);
const post = vi.mocked(api.post);

const need = (needId: string, state: NeedView['state'], waitingDays: number | null) =>
  ({ needId, state, waitingDays }) as NeedView;
const board = (needs: NeedView[]) =>
  ({
    scope: 'sz/futian',
    needs,
    resources: [],
    projects: [],
    summary: { open: 0, matched: 0, closed: 0, oldestOpenDays: null },
  }) as ListsBoard;

describe('the three lists board', () => {
  beforeEach(() => {
    setActivePinia(createPinia());
    vi.resetAllMocks();
  });

  it('shows the open needs only, the longest waiting first', async () => {
    get.mockResolvedValue(
      board([
        need('n-1', 'open', 2),
        need('n-2', 'matched', null),
        need('n-3', 'open', 30),
        need('n-4', 'closed', null),
      ]),
    );
    const store = useListsBoardStore();
    await store.load('sz/futian');
    expect(get).toHaveBeenCalledWith('/socialorg/lists/board?scope=sz%2Ffutian');
    expect(store.unmatched.map((n) => n.needId)).toEqual(['n-3', 'n-1']);
  });

  it('matches a need and reads the board of the same place again', async () => {
    get.mockResolvedValueOnce(board([need('n-1', 'open', 2)]));
    get.mockResolvedValueOnce(board([need('n-1', 'matched', null)]));
    post.mockResolvedValue(need('n-1', 'matched', null));
    const store = useListsBoardStore();
    await store.load('sz/futian');
    await store.match('n-1', { revision: 1, target: { kind: 'resource', id: 'res-1' }, note: '' });
    expect(post).toHaveBeenCalledWith('/socialorg/needs/n-1/match', {
      revision: 1,
      target: { kind: 'resource', id: 'res-1' },
      note: '',
    });
    expect(store.unmatched).toEqual([]);
  });
});

describe('party-building coverage', () => {
  it('counts any party organisation, and is 0 % of none', () => {
    const of = (...kinds: ('branch' | 'joint_branch' | 'group' | 'none')[]) =>
      partyCoverage(kinds.map((kind) => ({ partyBuilding: { kind, formedAt: null, partyMembers: 0 } })));
    expect(of('branch', 'none', 'group', 'none')).toEqual({ covered: 2, total: 4, percent: 50 });
    expect(of()).toEqual({ covered: 0, total: 0, percent: 0 });
  });
});
