export * from './persistence.module';
export * from './errors';
