import { useStaffSessionStore } from '@psc/web-data';
import { createRouter, createWebHistory } from 'vue-router';
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
  if (to.meta.public || useStaffSessionStore().signedIn) return true;
  return { name: 'login', query: { next: to.fullPath } };
});
