export * from './api';
export * from './circle';
export * from './events';
export * from './item';
export * from './misses';
export * from './rooms';
