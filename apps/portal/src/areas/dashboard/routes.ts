import type { RouteRecordRaw } from 'vue-router';
import { ADMIN_ROLES } from '../../shell/access';
import type { PortalArea } from '../area';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

const routes: RouteRecordRaw[] = [
  {
    // the place and range live in the query, so a view can be bookmarked and sent on
    path: '/admin/dashboard',
    name: 'dashboard',
    component: () => import('./DashboardView.vue'),
    meta: { roles: ADMIN_ROLES, nav: { label: 'dashboard.nav.dashboard', section: 'admin', order: 60 } },
  },
];

export const dashboard: PortalArea = { routes, messages: { 'zh-CN': zhCN, en } };
