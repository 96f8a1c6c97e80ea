import { webProjectConfig } from '../../vitest.shared.mts';

export default webProjectConfig(import.meta.dirname);
