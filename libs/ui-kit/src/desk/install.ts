import { provideGlobalConfig } from 'element-plus';
import en from 'element-plus/es/locale/lang/en';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import { type App, computed, type MaybeRefOrGetter, toValue } from 'vue';

export type DeskLocale = 'zh-CN' | 'en';

const LOCALES = { 'zh-CN': zhCn, en };

/**
 * Element Plus for a desk application (counter, portal): its own texts (pagination, date pickers, empty tables) in
 * the app's language, which may change at run time, and dialogs that appear and vanish at once, as staff working a
 * queue expect. Components are imported where they are used, and their styles with them (see vite.shared.mts), so
 * a page pays only for what it shows.
 */
export function installDesk(app: App, locale: MaybeRefOrGetter<DeskLocale> = 'zh-CN'): void {
  provideGlobalConfig(
    computed(() => ({
      locale: LOCALES[toValue(locale)],
      dialog: { transition: 'desk-dialog', alignCenter: true },
    })),
    app,
    true,
  );
}
