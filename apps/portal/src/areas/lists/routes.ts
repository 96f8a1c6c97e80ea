import type { RouteRecordRaw } from 'vue-router';
import { ADMIN_ROLES } from '../../shell/access';
import type { PortalArea } from '../area';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

const routes: RouteRecordRaw[] = [
  {
    path: '/admin/lists',
    name: 'lists-board',
    component: () => import('./ListsBoardView.vue'),
    meta: { roles: ADMIN_ROLES, nav: { label: 'lists.nav.board', section: 'admin', order: 35 } },
  },
];

export const lists: PortalArea = { routes, messages: { 'zh-CN': zhCN, en } };
