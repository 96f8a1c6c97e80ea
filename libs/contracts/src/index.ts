export * from './envelope';
export * from './errors';
export * from './registry';
export * from './topics';
export * from './live-channels';
export * from './common/text';
export * from './common/day';
export * from './common/personal-data';
