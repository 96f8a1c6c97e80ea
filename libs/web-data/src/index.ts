export * from './http';
export * from './live-events';
export * from './runtime-config';
export * from './staff-session';
