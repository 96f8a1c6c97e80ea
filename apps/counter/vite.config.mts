import { webAppConfig } from '../../vite.shared.mts';

export default webAppConfig('counter', import.meta.dirname);
