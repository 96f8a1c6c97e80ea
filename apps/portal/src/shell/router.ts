import { useStaffSessionStore } from '@psc/web-data';
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import type { PortalArea } from '../areas/area';
import { hasAnyRole, navItems, rolesOf } from './access';

/** The shell's pages around the areas': sign-in, a start page that sends each role to its first page. */
export function createPortalRouter(areas: readonly PortalArea[]) {
  const pages: RouteRecordRaw[] = areas.flatMap((a) => a.routes);
  const router = createRouter({
    history: createWebHistory(import.meta.env.BASE_URL),
    routes: [
      {
        path: '/login',
        name: 'login',
        component: () => import('./LoginView.vue'),
        meta: { public: true },
      },
      { path: '/', name: 'home', component: () => import('./HomeView.vue') },
      ...pages,
      { path: '/:rest(.*)*', redirect: { name: 'home' } },
    ],
  });

  router.beforeEach((to) => {
    if (to.meta.public) return true;
    const session = useStaffSessionStore();
    if (!session.signedIn) return { name: 'login', query: { next: to.fullPath } };
    const roles = rolesOf(session.user);
    if (to.name === 'home') {
      const first = navItems(pages, roles)[0];
      return first ? { name: first.name } : true;
    }
    if (to.meta.roles && !hasAnyRole(roles, to.meta.roles)) return { name: 'home' };
    return true;
  });
  return { router, pages };
}
