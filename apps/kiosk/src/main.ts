import '@psc/ui-kit';
import { loadRuntimeConfig } from '@psc/web-data';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { configureApi } from './api/client';
import { i18n } from './i18n';
import { router } from './router';
import { useKioskStore } from './stores/kiosk';

async function boot() {
  const config = await loadRuntimeConfig();
  configureApi(config);
  const app = createApp(App).use(createPinia()).use(i18n);
  useKioskStore().config = config;
  app.use(router);
  await router.isReady();
  app.mount('#app');
}

boot().catch((error: unknown) => {
  // nothing can work without the gateway's config: say so on the screen, where staff will see it
  document.body.textContent = '自助终端暂时无法启动，请联系工作人员。';
  // eslint-disable-next-line no-console -- the only place a technician can read why
  console.error(error);
});
