export * from './case';
export * from './intake';
export * from './events';
export * from './api';
