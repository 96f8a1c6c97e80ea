export * from './apps';
export * from './stack';
export * from './auth';
