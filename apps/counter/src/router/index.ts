import { useStaffSessionStore } from '@psc/web-data';
import { createRouter, createWebHistory } from 'vue-router';
import { hasAnyRole, rolesOf, SECTION_ROLES } from '../access';
import { useAppStore } from '../stores/app';

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    {
      path: '/login',
      name: 'login',
      component: () => import('../views/login/LoginView.vue'),
      meta: { public: true },
    },
    { path: '/', name: 'workbench', component: () => import('../views/workbench/WorkbenchView.vue') },
    {
      path: '/queue',
      name: 'queue',
      component: () => import('../views/queue/QueueView.vue'),
      meta: { roles: SECTION_ROLES.queue },
    },
    {
      path: '/intake',
      name: 'intake',
      component: () => import('../views/intake/IntakeView.vue'),
      meta: { roles: SECTION_ROLES.intake },
    },
    {
      path: '/cases',
      name: 'cases',
      component: () => import('../views/cases/CasesView.vue'),
      props: { kind: 'all' },
      meta: { roles: SECTION_ROLES.cases },
    },
    {
      path: '/cases/:caseNo',
      name: 'case',
      component: () => import('../views/cases/CaseDetailView.vue'),
      props: true,
      meta: { roles: SECTION_ROLES.cases },
    },
    {
      path: '/inbox',
      name: 'inbox',
      component: () => import('../views/cases/CasesView.vue'),
      props: { kind: 'inbox' },
      meta: { roles: SECTION_ROLES.inbox },
    },
    {
      path: '/rectifications',
      name: 'rectifications',
      component: () => import('../views/cases/CasesView.vue'),
      props: { kind: 'rectifications' },
      meta: { roles: SECTION_ROLES.rectifications },
    },
    {
      path: '/rooms',
      name: 'rooms',
      component: () => import('../views/rooms/RoomsTodayView.vue'),
      meta: { roles: SECTION_ROLES.rooms },
    },
    {
      path: '/misses',
      name: 'misses',
      component: () => import('../views/misses/MissesView.vue'),
      meta: { roles: SECTION_ROLES.misses },
    },
    {
      path: '/account/password',
      name: 'password',
      component: () => import('../views/account/PasswordView.vue'),
    },
    {
      path: '/dev/sms',
      name: 'dev-sms',
      component: () => import('../views/dev/DevSmsView.vue'),
      meta: { devOnly: true },
    },
    { path: '/:rest(.*)*', redirect: { name: 'workbench' } },
  ],
});

router.beforeEach((to) => {
  if (to.meta.devOnly && !useAppStore().config?.devMode) return { name: 'workbench' };
  if (to.meta.public) return true;
  const session = useStaffSessionStore();
  if (!session.signedIn) return { name: 'login', query: { next: to.fullPath } };
  if (to.meta.roles && !hasAnyRole(rolesOf(session.user), to.meta.roles)) return { name: 'workbench' };
  return true;
});
