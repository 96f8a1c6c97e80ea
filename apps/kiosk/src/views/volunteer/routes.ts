import type { RouteRecordRaw } from 'vue-router';
import { i18n } from '../../i18n';
import { volunteerMessages } from './messages';

for (const [locale, messages] of Object.entries(volunteerMessages))
  i18n.global.mergeLocaleMessage(locale, messages);

/** The kiosk's 志愿服务 screens; attending starts with the code and identifies after, the rest need a resident. */
export const volunteerRoutes: RouteRecordRaw[] = [
  { path: '/volunteer', name: 'volunteer', component: () => import('./VolunteerHomeView.vue') },
  {
    path: '/volunteer/attend/:mode(in|out)',
    name: 'volunteer-attend',
    component: () => import('./VolunteerAttendView.vue'),
    props: (to) => ({ mode: to.params.mode, code: typeof to.query.code === 'string' ? to.query.code : '' }),
  },
  {
    path: '/volunteer/hours',
    name: 'volunteer-hours',
    component: () => import('./VolunteerHoursView.vue'),
    meta: { needs: 'resident' },
  },
  {
    path: '/volunteer/wishes',
    name: 'volunteer-wishes',
    component: () => import('./VolunteerWishesView.vue'),
    meta: { needs: 'resident' },
  },
];
