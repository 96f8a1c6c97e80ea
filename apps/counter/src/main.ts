import '@psc/ui-kit';
import './print.css';
import { installDesk } from '@psc/ui-kit/desk';
import { loadRuntimeConfig } from '@psc/web-data';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { configureApi } from './api/client';
import { i18n } from './i18n';
import { router } from './router';
import { useAppStore } from './stores/app';

async function boot() {
  const config = await loadRuntimeConfig();
  configureApi(config);
  const app = createApp(App).use(createPinia()).use(i18n);
  installDesk(app, 'zh-CN');
  useAppStore().config = config;
  app.use(router);
  await router.isReady();
  app.mount('#app');
}

boot().catch((error: unknown) => {
  document.body.textContent = '工作台暂时无法启动：无法读取运行配置，请联系系统管理员。';
  // eslint-disable-next-line no-console -- the only place a technician can read why
  console.error(error);
});
