export * from './http';
export * from './live-events';
export * from './reads';
export * from './runtime-config';
export * from './staff-api';
export * from './staff-live-events';
export * from './staff-session';
