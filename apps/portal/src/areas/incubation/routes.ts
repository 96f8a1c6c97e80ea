import type { RouteRecordRaw } from 'vue-router';
import { ADMIN_ROLES, ORG_ROLES } from '../../shell/access';
import type { PortalArea } from '../area';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

const routes: RouteRecordRaw[] = [
  {
    path: '/incubation',
    name: 'my-incubation',
    component: () => import('./MyIncubationView.vue'),
    meta: { roles: ORG_ROLES, nav: { label: 'incubation.nav.mine', section: 'org', order: 20 } },
  },
  {
    path: '/admin/incubation',
    name: 'incubation-review',
    component: () => import('./IncubationReviewView.vue'),
    meta: { roles: ADMIN_ROLES, nav: { label: 'incubation.nav.review', section: 'admin', order: 20 } },
  },
];

export const incubation: PortalArea = { routes, messages: { 'zh-CN': zhCN, en } };
