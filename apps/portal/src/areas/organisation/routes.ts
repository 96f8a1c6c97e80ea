import type { RouteRecordRaw } from 'vue-router';
import { ADMIN_ROLES, ORG_ROLES } from '../../shell/access';
import type { PortalArea } from '../area';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

const routes: RouteRecordRaw[] = [
  {
    path: '/organisation',
    name: 'my-organisation',
    component: () => import('./MyOrganisationView.vue'),
    meta: { roles: ORG_ROLES, nav: { label: 'organisation.nav.mine', section: 'org', order: 10 } },
  },
  {
    path: '/admin/organisations',
    name: 'organisation-registry',
    component: () => import('./RegistryView.vue'),
    meta: {
      roles: [...ADMIN_ROLES, 'dept_reviewer'],
      nav: { label: 'organisation.nav.registry', section: 'admin', order: 10 },
    },
  },
];

export const organisation: PortalArea = { routes, messages: { 'zh-CN': zhCN, en } };
