import type { RouteRecordRaw } from 'vue-router';
import { i18n } from '../../i18n';
import { needsMessages } from './messages';

for (const [locale, messages] of Object.entries(needsMessages))
  i18n.global.mergeLocaleMessage(locale, messages);

export const needsRoutes: RouteRecordRaw[] = [
  { path: '/needs', name: 'needs', component: () => import('./NeedsView.vue'), meta: { needs: 'resident' } },
];
