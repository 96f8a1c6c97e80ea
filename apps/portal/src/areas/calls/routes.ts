import type { RouteRecordRaw } from 'vue-router';
import { ADMIN_ROLES, ORG_ROLES } from '../../shell/access';
import type { PortalArea } from '../area';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

const routes: RouteRecordRaw[] = [
  {
    path: '/calls',
    name: 'open-calls',
    component: () => import('./OpenCallsView.vue'),
    meta: { roles: ORG_ROLES, nav: { label: 'calls.nav.open', section: 'org', order: 30 } },
  },
  {
    path: '/calls/:callId/apply',
    name: 'apply-to-call',
    component: () => import('./ApplicationFormView.vue'),
    props: true,
    meta: { roles: ORG_ROLES },
  },
  {
    path: '/applications',
    name: 'my-applications',
    component: () => import('./MyApplicationsView.vue'),
    meta: { roles: ORG_ROLES, nav: { label: 'calls.nav.mine', section: 'org', order: 35 } },
  },
  {
    path: '/admin/calls',
    name: 'calls-desk',
    component: () => import('./CallsDeskView.vue'),
    meta: { roles: ADMIN_ROLES, nav: { label: 'calls.nav.desk', section: 'admin', order: 30 } },
  },
  {
    path: '/admin/calls/:callId',
    name: 'call-desk',
    component: () => import('./CallDeskView.vue'),
    props: true,
    meta: { roles: ADMIN_ROLES },
  },
];

export const calls: PortalArea = { routes, messages: { 'zh-CN': zhCN, en } };
