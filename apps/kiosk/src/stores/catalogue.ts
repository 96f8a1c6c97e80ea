import type { EventData } from '@psc/contracts';
import type { Centre, ItemSummary, SearchResponse, ThemeCode, ThemeCount } from '@psc/contracts/catalogue';
import { ApiError, type CatalogueItem, subscribeLiveEvents } from '@psc/web-data';
import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import * as catalogue from '../api/catalogue';
import type { Fetched } from '../api/catalogue';
import { useKioskStore } from './kiosk';

export type ItemPublished = EventData<'catalogue.item.published'>;

const PUBLISHED = 'catalogue.item.published' as const;
// a burst of publishes (an editor releasing a batch) becomes one round of re-reads
const REFRESH_DELAY_MS = 400;

/**
 * The service catalogue as this kiosk's centre offers it. Answers are kept on the terminal so a short network loss
 * shows the last known catalogue (with `stale` set) instead of an error, and published versions arrive live.
 */
export const useCatalogueStore = defineStore('catalogue', () => {
  const kiosk = useKioskStore();
  const centreId = computed(() => kiosk.config?.centreId ?? '');

  const centre = ref<Centre>();
  const themes = ref<ThemeCount[]>();
  const popular = ref<ItemSummary[]>();
  const lists = ref<Partial<Record<ThemeCode, ItemSummary[]>>>({});
  const items = ref<Record<string, CatalogueItem>>({});
  /** true while what is shown came from the kiosk's cache because the network failed */
  const stale = ref(false);
  /** counts changes to the catalogue; views that hold their own results (search) ask again when it moves */
  const revision = ref(0);

  function settle<T>(fetched: Fetched<T>): T {
    stale.value = fetched.stale;
    return fetched.data;
  }

  async function loadHome(): Promise<void> {
    const [c, t, p] = await Promise.all([
      catalogue.fetchCentre(centreId.value),
      catalogue.fetchThemes(centreId.value),
      catalogue.fetchPopular(centreId.value),
    ]);
    centre.value = settle(c);
    themes.value = settle(t);
    popular.value = settle(p);
  }

  /** For screens that only name the centre or suggest popular items: without them they still work. */
  async function ensureHome(): Promise<void> {
    if (centre.value) return;
    try {
      await loadHome();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
    }
  }

  async function loadTheme(theme: ThemeCode): Promise<void> {
    lists.value[theme] = settle(await catalogue.fetchThemeItems(centreId.value, theme));
  }

  async function loadItem(code: string): Promise<void> {
    items.value[code] = settle(await catalogue.fetchItem(code));
  }

  /** Search answers are not kept here: the query belongs to the screen, so an idle reset takes both away. */
  async function search(query: string): Promise<SearchResponse> {
    return catalogue.searchItems(query, centreId.value);
  }

  /** Counts a search that showed nothing (text only); a failure to report is nobody's concern at the kiosk. */
  async function reportMiss(query: string): Promise<void> {
    try {
      await catalogue.reportMiss(query);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
    }
  }

  /** Re-reads everything on screen or held for it; a part that cannot be read keeps what it had. */
  async function reload(): Promise<void> {
    const loadedThemes = Object.keys(lists.value) as ThemeCode[];
    await Promise.allSettled([
      ...(centre.value ? [loadHome()] : []),
      ...loadedThemes.map(loadTheme),
      ...Object.keys(items.value).map(loadItem),
    ]);
    revision.value += 1;
  }

  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  function refreshListsSoon() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => {
      const loadedThemes = Object.keys(lists.value) as ThemeCode[];
      void Promise.allSettled([...(centre.value ? [loadHome()] : []), ...loadedThemes.map(loadTheme)]);
    }, REFRESH_DELAY_MS);
  }

  /**
   * A new version was published: the item shows it at once, and is remembered for offline use. Lists are patched
   * now and re-read shortly, since a new item or a changed theme moves counts and order only the server knows.
   */
  function applyPublished({ code, version, content }: ItemPublished): void {
    const held = items.value[code];
    if (held && held.version >= version) return; // a replay after a reconnect
    const item: CatalogueItem = { ...content, version };
    if (held) items.value[code] = item;
    catalogue.rememberItem(item);

    const patch = (summary: ItemSummary): ItemSummary =>
      summary.code !== code || summary.version >= version
        ? summary
        : {
            ...summary,
            version,
            name: content.name,
            theme: content.theme,
            mode: content.mode,
            summary: content.summary,
            visits: content.visits,
            online: content.online,
            promisedDays: content.promisedDays,
            feeFen: content.feeFen,
            delivery: content.delivery,
          };
    popular.value = popular.value?.map(patch);
    for (const theme of Object.keys(lists.value) as ThemeCode[])
      lists.value[theme] = lists.value[theme]?.map(patch);
    revision.value += 1;
    refreshListsSoon();
  }

  let unsubscribe: (() => void) | undefined;
  /** Once per page: the catalogue channel is public, so the kiosk listens with no token. */
  function startLive(): void {
    if (unsubscribe || !kiosk.config) return;
    unsubscribe = subscribeLiveEvents({
      base: kiosk.config.apiBase,
      channels: ['catalogue'],
      types: [PUBLISHED],
      onEvent: (event) => applyPublished(event.data),
      onReset: () => void reload(),
    });
  }

  function stopLive(): void {
    unsubscribe?.();
    unsubscribe = undefined;
    clearTimeout(refreshTimer);
  }

  // back online: replace what was served from the cache
  watch(
    () => kiosk.online,
    (online) => {
      if (online && stale.value) void reload();
    },
  );

  return {
    centre,
    themes,
    popular,
    lists,
    items,
    stale,
    revision,
    loadHome,
    ensureHome,
    loadTheme,
    loadItem,
    search,
    reportMiss,
    reload,
    applyPublished,
    startLive,
    stopLive,
  };
});
