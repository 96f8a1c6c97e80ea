import '@psc/ui-kit';
import { installDesk } from '@psc/ui-kit/desk';
import { loadRuntimeConfig } from '@psc/web-data';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { AREAS } from './areas';
import { createPortalI18n } from './i18n';
import { api } from './shell/api';
import { createPortalRouter } from './shell/router';

async function boot() {
  api.configure(await loadRuntimeConfig());
  const i18n = createPortalI18n(AREAS);
  const { router } = createPortalRouter(AREAS);
  const app = createApp(App).use(createPinia()).use(i18n);
  installDesk(app, () => i18n.global.locale.value);
  app.use(router);
  await router.isReady();
  app.mount('#app');
}

boot().catch((error: unknown) => {
  document.body.textContent = '平台暂时无法启动：无法读取运行配置，请联系系统管理员。';
  // eslint-disable-next-line no-console -- the only place a technician can read why
  console.error(error);
});
