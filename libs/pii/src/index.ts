export * from './blind-index';
export * from './dev-keys';
export * from './errors';
export * from './field-cipher';
export * from './keyring-config';
