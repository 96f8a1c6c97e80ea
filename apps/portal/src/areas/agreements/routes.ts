import type { RouteRecordRaw } from 'vue-router';
import { ADMIN_ROLES, ORG_ROLES } from '../../shell/access';
import type { PortalArea } from '../area';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

const routes: RouteRecordRaw[] = [
  {
    path: '/agreements',
    name: 'my-agreements',
    component: () => import('./MyAgreementsView.vue'),
    meta: { roles: ORG_ROLES, nav: { label: 'agreements.nav.mine', section: 'org', order: 50 } },
  },
  {
    path: '/admin/agreements',
    name: 'agreements-desk',
    component: () => import('./AgreementsDeskView.vue'),
    meta: { roles: ADMIN_ROLES, nav: { label: 'agreements.nav.desk', section: 'admin', order: 40 } },
  },
];

export const agreements: PortalArea = { routes, messages: { 'zh-CN': zhCN, en } };
