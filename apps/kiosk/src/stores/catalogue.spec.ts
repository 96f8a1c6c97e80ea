import type { ItemContent, ItemSummary } from '@psc/contracts/catalogue';
import type { LiveEventsOptions } from '@psc/web-data';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { configureApi } from '../api/client';
import { useCatalogueStore } from './catalogue';
import { useKioskStore } from './kiosk';

type Options = LiveEventsOptions<'catalogue', 'catalogue.item.published'>;
const live = vi.hoisted(() => ({ options: undefined as Options | undefined, closed: 0 }));
vi.mock('@psc/web-data', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@psc/web-data')>()),
  subscribeLiveEvents: (options: Options) => {
    live.options = options;
    return () => (live.closed += 1);
  },
}));

const CENTRE = 'sz/futian/xiangmihu/c-001';

const content = (name: string): ItemContent => ({
  code: 'MZ-001',
  name,
  theme: 'civil-assistance',
  mode: 'proxy',
  summary: '低保',
  department: '区民政局',
  legalBasis: ['《社会救助暂行办法》'],
  conditions: ['本市户籍'],
  materials: [{ name: '户口簿', form: 'original_and_copy', copies: 1, deferrable: true }],
  legalDays: 30,
  promisedDays: 20,
  feeFen: 0,
  visits: 1,
  online: true,
  delivery: ['window'],
  where: '综合服务窗口',
  faq: [],
  keywords: ['低保'],
});

const summary = (code: string, name: string, version = 1): ItemSummary => ({
  code,
  name,
  theme: 'civil-assistance',
  mode: 'proxy',
  version,
  summary: '',
  visits: 1,
  online: true,
  promisedDays: 20,
  feeFen: 0,
  delivery: ['window'],
  popularity: 3,
});

const centre = {
  id: CENTRE,
  name: '香岭社区党群服务中心',
  level: 'community',
  parentId: 'sz/futian/xiangmihu',
  address: '侨香路4036号',
  phone: '0755-83418526',
  hours: [{ weekdays: [1, 2, 3, 4, 5], open: '09:00', close: '18:00' }],
  rooms: [],
  itemCodes: ['MZ-001', 'MZ-002'],
};

/** A gateway answering from a table of paths; `down` makes every request fail as a lost network does. */
function fakeGateway() {
  const state = { down: false, status: 200, requests: [] as string[] };
  const answers = new Map<string, unknown>([
    [`/api/catalogue/centres/${encodeURIComponent(CENTRE)}`, centre],
    [
      `/api/catalogue/themes?centre=${encodeURIComponent(CENTRE)}`,
      [{ code: 'civil-assistance', name: '民政救助', count: 2 }],
    ],
    [
      `/api/catalogue/popular?centre=${encodeURIComponent(CENTRE)}&limit=8`,
      [summary('MZ-001', '最低生活保障申请')],
    ],
    [
      `/api/catalogue/items?centre=${encodeURIComponent(CENTRE)}&theme=civil-assistance`,
      [summary('MZ-001', '最低生活保障申请'), summary('MZ-002', '特困人员救助供养申请')],
    ],
    ['/api/catalogue/items/MZ-001', { ...content('最低生活保障申请'), version: 1 }],
  ]);
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      state.requests.push(url);
      if (state.down) return Promise.reject(new TypeError('Failed to fetch'));
      if (!answers.has(url))
        return Promise.resolve(
          Response.json({ code: 'CATALOGUE.ITEM_NOT_FOUND', message: '没有找到' }, { status: 404 }),
        );
      return Promise.resolve(Response.json(answers.get(url)));
    }),
  );
  return { state, answers };
}

function setUp() {
  const config = { apiBase: '/api', kioskIdleSeconds: 90, centreId: CENTRE, devMode: true };
  configureApi(config);
  useKioskStore().config = config;
  return useCatalogueStore();
}

describe('useCatalogueStore', () => {
  beforeEach(() => {
    localStorage.clear();
    setActivePinia(createPinia());
    live.options = undefined;
  });

  it("reads the home screen for the kiosk's centre", async () => {
    const { state } = fakeGateway();
    const store = setUp();
    await store.loadHome();
    expect(store.centre?.name).toBe('香岭社区党群服务中心');
    expect(store.themes).toEqual([{ code: 'civil-assistance', name: '民政救助', count: 2 }]);
    expect(store.popular?.map((i) => i.code)).toEqual(['MZ-001']);
    expect(state.requests).toContain(`/api/catalogue/centres/sz%2Ffutian%2Fxiangmihu%2Fc-001`);
    expect(store.stale).toBe(false);
  });

  it('serves what it read before when the network fails, flags it stale, and clears the flag once back', async () => {
    const { state } = fakeGateway();
    const store = setUp();
    await store.loadHome();
    await store.loadItem('MZ-001');

    state.down = true;
    setActivePinia(createPinia()); // a fresh page: only the kiosk's storage remembers
    const offline = setUp();
    await offline.loadHome();
    await offline.loadItem('MZ-001');
    expect(offline.stale).toBe(true);
    expect(offline.centre?.name).toBe('香岭社区党群服务中心');
    expect(offline.items['MZ-001'].materials[0]).toMatchObject({ name: '户口簿', deferrable: true });

    state.down = false;
    await offline.loadItem('MZ-001');
    expect(offline.stale).toBe(false);
  });

  it('reloads what came from the cache when the browser is back online', async () => {
    const { state } = fakeGateway();
    const store = setUp();
    await store.loadHome();
    state.down = true;
    await store.loadHome();
    expect(store.stale).toBe(true);

    state.down = false;
    useKioskStore().online = false;
    await nextTick();
    useKioskStore().online = true;
    await vi.waitFor(() => expect(store.stale).toBe(false));
  });

  it('says the network is down when nothing was kept, and never hides a real refusal behind the cache', async () => {
    const { state, answers } = fakeGateway();
    const store = setUp();
    state.down = true;
    await expect(store.loadTheme('civil-assistance')).rejects.toMatchObject({
      code: 'NETWORK.OFFLINE',
      message: '网络连接中断，请稍后再试',
    });

    state.down = false;
    await store.loadItem('MZ-001');
    answers.delete('/api/catalogue/items/MZ-001'); // unpublished since: the kiosk must not keep offering it
    await expect(store.loadItem('MZ-001')).rejects.toMatchObject({ status: 404 });
  });

  it('applies a published version to the item on screen, the lists and the offline copy', async () => {
    const { state } = fakeGateway();
    const store = setUp();
    await store.loadHome();
    await store.loadTheme('civil-assistance');
    await store.loadItem('MZ-001');
    const revision = store.revision;

    store.applyPublished({
      code: 'MZ-001',
      version: 2,
      publishedAt: '2026-11-23T08:00:00.000Z',
      content: content('低保申请（新版）'),
    });
    expect(store.items['MZ-001']).toMatchObject({ name: '低保申请（新版）', version: 2 });
    expect(store.popular?.[0]).toMatchObject({ name: '低保申请（新版）', version: 2, popularity: 3 });
    expect(store.lists['civil-assistance']?.map((i) => i.name)).toEqual([
      '低保申请（新版）',
      '特困人员救助供养申请',
    ]);
    expect(store.revision).toBe(revision + 1);

    // a replay of an older version after a reconnect changes nothing
    store.applyPublished({
      code: 'MZ-001',
      version: 1,
      publishedAt: '2026-11-01T08:00:00.000Z',
      content: content('最低生活保障申请'),
    });
    expect(store.items['MZ-001'].name).toBe('低保申请（新版）');

    state.down = true;
    setActivePinia(createPinia());
    const offline = setUp();
    await offline.loadItem('MZ-001');
    expect(offline.items['MZ-001']).toMatchObject({ name: '低保申请（新版）', version: 2 });
  });

  it('listens once to the catalogue channel, applies its publishes, and reloads everything on a reset', async () => {
    const { state } = fakeGateway();
    const store = setUp();
    await store.loadItem('MZ-001');
    store.startLive();
    store.startLive();
    expect(live.options).toMatchObject({
      base: '/api',
      channels: ['catalogue'],
      types: ['catalogue.item.published'],
    });

    live.options!.onEvent({
      id: 'e1',
      type: 'catalogue.item.published',
      key: 'MZ-001',
      occurredAt: '',
      data: {
        code: 'MZ-001',
        version: 2,
        publishedAt: '2026-11-23T08:00:00.000Z',
        content: content('新名称'),
      },
    });
    expect(store.items['MZ-001'].name).toBe('新名称');

    const before = state.requests.length;
    live.options!.onReset!();
    await vi.waitFor(() => expect(state.requests.length).toBeGreaterThan(before));
    await vi.waitFor(() => expect(store.items['MZ-001'].name).toBe('最低生活保障申请'));

    store.stopLive();
    expect(live.closed).toBe(1);
  });
});
