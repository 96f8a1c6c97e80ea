import type { RuntimeConfig } from '@psc/contracts/ui';
import { createHttp, type Http } from '@psc/web-data';

let http: Http | undefined;
let anonymous: Http | undefined;
let headers: () => Record<string, string | undefined> = () => ({});
let unauthorized: () => void = () => undefined;

/** Called once at boot, before any store talks to the services. */
export function configureApi(config: RuntimeConfig): void {
  http = createHttp({
    base: config.apiBase,
    headers: () => ({ 'x-screen': 'kiosk', ...headers() }),
    onUnauthorized: () => unauthorized(),
  });
  anonymous = createHttp({ base: config.apiBase, headers: () => ({ 'x-screen': 'kiosk' }) });
}

/** Without the resident's token or kiosk session, whoever is signed in: for what must never carry an identity. */
export function anonymousApi(): Http {
  if (!anonymous) throw new Error('configureApi() has not run');
  return anonymous;
}

/** The resident session supplies its token and kiosk session, and hears when the server has ended it. */
export function bindResidentSession(
  sessionHeaders: () => Record<string, string | undefined>,
  onUnauthorized: () => void,
): void {
  headers = sessionHeaders;
  unauthorized = onUnauthorized;
}

export function api(): Http {
  if (!http) throw new Error('configureApi() has not run');
  return http;
}
