import { THEME_CODES } from '@psc/contracts/catalogue';
import { createRouter, createWebHistory } from 'vue-router';
import { useResidentStore } from '../stores/resident';
import HomeView from '../views/home/HomeView.vue';
import { needsRoutes } from '../views/needs/routes';
import { volunteerRoutes } from '../views/volunteer/routes';

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes: [
    { path: '/', name: 'home', component: HomeView },
    { path: '/search', name: 'search', component: () => import('../views/search/SearchView.vue') },
    {
      path: '/themes/:theme',
      name: 'theme',
      component: () => import('../views/theme/ThemeView.vue'),
      props: true,
      // an old bookmark or a mistyped address: the home screen lists the themes that exist
      beforeEnter: (to) => (THEME_CODES as string[]).includes(String(to.params.theme)) || { name: 'home' },
    },
    {
      path: '/items/:code',
      name: 'item',
      component: () => import('../views/item/ItemView.vue'),
      props: true,
    },
    { path: '/identify', name: 'identify', component: () => import('../views/identify/IdentifyView.vue') },
    {
      path: '/identify/code',
      name: 'identify-code',
      component: () => import('../views/identify/IdentifyCodeView.vue'),
      meta: { needs: 'challenge' },
    },
    {
      path: '/me',
      name: 'me',
      component: () => import('../views/me/MeView.vue'),
      meta: { needs: 'resident' },
    },
    {
      path: '/me/cases',
      name: 'my-cases',
      component: () => import('../views/cases/CasesView.vue'),
      meta: { needs: 'resident' },
    },
    {
      path: '/me/cases/:caseNo/rating',
      name: 'rate',
      component: () => import('../views/cases/CasesRateView.vue'),
      props: true,
      meta: { needs: 'resident' },
    },
    // the link texted on delivery: ?t= proves it is the applicant's, so no sign-in
    {
      path: '/rate/:caseNo',
      name: 'rate-link',
      component: () => import('../views/cases/CasesRateView.vue'),
      props: (to) => ({ caseNo: String(to.params.caseNo), token: String(to.query.t ?? '') }),
      meta: { ownDevice: true },
    },
    { path: '/rooms', name: 'rooms', component: () => import('../views/rooms/RoomsView.vue') },
    {
      path: '/me/bookings',
      name: 'my-bookings',
      component: () => import('../views/rooms/RoomsMineView.vue'),
      meta: { needs: 'resident' },
    },
    { path: '/queue', name: 'queue', component: () => import('../views/queue/QueueView.vue') },
    {
      path: '/queue/tickets/:ticketId',
      name: 'ticket',
      component: () => import('../views/queue/QueueTicketView.vue'),
      props: true,
    },
    // also what the QR code on a 一次性告知书 opens, with ?caseNo=
    { path: '/progress', name: 'progress', component: () => import('../views/progress/ProgressView.vue') },
    {
      path: '/screen',
      name: 'screen',
      component: () => import('../views/screen/ScreenView.vue'),
      meta: { unattended: true },
    },
    {
      path: '/hall',
      name: 'hall',
      component: () => import('../views/hall/HallView.vue'),
      meta: { unattended: true },
    },
    ...volunteerRoutes,
    ...needsRoutes,
    { path: '/:rest(.*)*', redirect: { name: 'home' } },
  ],
});

// after an idle reset or a reload these screens have nothing to show: start again
router.beforeEach((to) => {
  const resident = useResidentStore();
  if (to.meta.needs === 'resident' && !resident.signedIn) return { name: 'identify' };
  if (to.meta.needs === 'challenge' && !resident.challenge) return { name: 'identify' };
  return true;
});
