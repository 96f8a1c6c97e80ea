export * from './case';
export * from './intake';
