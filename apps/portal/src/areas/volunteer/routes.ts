import type { RouteRecordRaw } from 'vue-router';
import type { PortalArea } from '../area';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

// residents have no staff account: these pages sit outside the staff shell and sign in with the kiosk's OTP
const routes: RouteRecordRaw[] = [
  {
    path: '/volunteer',
    component: () => import('./VolunteerLayout.vue'),
    meta: { public: true },
    children: [
      { path: '', name: 'volunteer-activities', component: () => import('./ActivitiesView.vue') },
      { path: 'hours', name: 'volunteer-hours', component: () => import('./HoursView.vue') },
      {
        path: 'certificates',
        name: 'volunteer-certificates',
        component: () => import('./CertificatesView.vue'),
      },
      { path: 'wishes', name: 'volunteer-wishes', component: () => import('./WishesView.vue') },
    ],
  },
  {
    path: '/verify',
    name: 'certificate-verify',
    component: () => import('./VerifyView.vue'),
    meta: { public: true },
  },
];

export const volunteer: PortalArea = { routes, messages: { 'zh-CN': zhCN, en } };
