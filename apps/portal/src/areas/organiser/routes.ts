import type { RouteRecordRaw } from 'vue-router';
import { ADMIN_ROLES, ORG_ROLES } from '../../shell/access';
import type { PortalArea } from '../area';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

const ORGANISERS = [...ADMIN_ROLES, ...ORG_ROLES];
const activities = () => import('./ActivitiesView.vue');

// one list of activities, under the organisation's pages for its staff and under administration for a centre's
const routes: RouteRecordRaw[] = [
  {
    path: '/organiser/activities',
    name: 'organiser-activities',
    component: activities,
    meta: { roles: ORG_ROLES, nav: { label: 'organiser.nav.activities', section: 'org', order: 60 } },
  },
  {
    path: '/admin/activities',
    name: 'admin-activities',
    component: activities,
    meta: { roles: ADMIN_ROLES, nav: { label: 'organiser.nav.activities', section: 'admin', order: 50 } },
  },
  {
    path: '/organiser/activities/:id',
    name: 'organiser-activity',
    component: () => import('./ActivityView.vue'),
    props: true,
    meta: { roles: ORGANISERS },
  },
  {
    path: '/organiser/unit-records',
    name: 'organiser-unit-records',
    component: () => import('./PartyRecordsView.vue'),
    props: { mode: 'unit' },
    meta: { roles: ORG_ROLES, nav: { label: 'organiser.nav.unit', section: 'org', order: 61 } },
  },
  {
    path: '/admin/volunteer-corrections',
    name: 'organiser-corrections',
    component: () => import('./CorrectionsView.vue'),
    meta: { roles: ADMIN_ROLES, nav: { label: 'organiser.nav.corrections', section: 'admin', order: 51 } },
  },
  {
    path: '/admin/wishes',
    name: 'organiser-wishes',
    component: () => import('./WishesView.vue'),
    meta: { roles: ADMIN_ROLES, nav: { label: 'organiser.nav.wishes', section: 'admin', order: 52 } },
  },
  {
    path: '/admin/party-members',
    name: 'organiser-party-members',
    component: () => import('./PartyRecordsView.vue'),
    props: { mode: 'community' },
    meta: { roles: ADMIN_ROLES, nav: { label: 'organiser.nav.party', section: 'admin', order: 53 } },
  },
];

export const organiser: PortalArea = { routes, messages: { 'zh-CN': zhCN, en } };
