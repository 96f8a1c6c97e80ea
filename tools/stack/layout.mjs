// Where the stack keeps things, and the ports of the dev stack.

import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const CACHE_DIR = path.join(REPO_ROOT, '.stack', 'cache');
export const DEV_DIR = path.join(REPO_ROOT, '.stack', 'dev');
export const DEV_PORTS = Object.freeze({
  kafka: 59092,
  kafkaController: 59093,
  postgres: 55432,
  ferret: 57017,
});

/** @typedef {{ -readonly [K in keyof typeof DEV_PORTS]: number }} Ports */
