import { webAppConfig } from '../../vite.shared.mts';

export default webAppConfig('kiosk', import.meta.dirname);
