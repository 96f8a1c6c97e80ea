export * from './credit-code';
export * from './id-number';
export * from './mask';
export * from './money';
export * from './shanghai-time';
