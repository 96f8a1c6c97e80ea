export * from './api';
export * from './dashboard';
