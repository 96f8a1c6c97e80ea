import type { RouteRecordRaw } from 'vue-router';
import type { PortalArea } from '../area';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

const routes: RouteRecordRaw[] = [
  {
    path: '/reviews',
    name: 'review-tasks',
    component: () => import('./ReviewTasksView.vue'),
    meta: { roles: ['expert_reviewer'], nav: { label: 'reviews.nav', section: 'review', order: 10 } },
  },
];

export const reviews: PortalArea = { routes, messages: { 'zh-CN': zhCN, en } };
