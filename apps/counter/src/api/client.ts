import type { RuntimeConfig } from '@psc/contracts/ui';
import { createStaffApi } from '@psc/web-data';

/** The counter's calls: the staff client of @psc/web-data, which renews an expired token once. */
export const api = createStaffApi('counter');

export const configureApi = (config: RuntimeConfig): void => api.configure(config);
