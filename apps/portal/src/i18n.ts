import { createI18n } from 'vue-i18n';
import type { Messages, PortalArea } from './areas/area';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

// typed as the shell's own texts: the areas' keys are checked by their own JSON, not here
const merged = (shell: typeof zhCN, areas: Messages[]) => Object.assign({}, shell, ...areas) as typeof zhCN;

/** The shell's texts with each area's under its own key; Chinese first, English where a word is missing. */
export function createPortalI18n(areas: readonly PortalArea[]) {
  return createI18n({
    legacy: false,
    locale: 'zh-CN',
    fallbackLocale: 'zh-CN',
    messages: {
      'zh-CN': merged(
        zhCN,
        areas.map((a) => a.messages['zh-CN']),
      ),
      en: merged(
        en,
        areas.map((a) => a.messages.en),
      ),
    },
  });
}
