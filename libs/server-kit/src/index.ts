export * from './app-error';
export * from './bootstrap';
export * from './config';
export * from './error.filter';
export * from './health';
export * from './metrics';
export * from './server-kit.module';
export * from './zod';
