export * from './id-number';
export * from './mask';
