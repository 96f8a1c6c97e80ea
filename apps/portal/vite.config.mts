import { webAppConfig } from '../../vite.shared.mts';

export default webAppConfig('portal', import.meta.dirname);
