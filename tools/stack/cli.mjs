#!/usr/bin/env node
// node tools/stack/cli.mjs up|down|status [--dir D] [--handler postgresql|sqlite]
// Progress goes to stderr; `up` prints only the two variables on stdout, so `eval "$(… up)"` works.

import { DEV_DIR, startStack, stackStatus, stopStack } from './stack.mjs';

const usage = 'usage: node tools/stack/cli.mjs up|down|status [--dir D] [--handler postgresql|sqlite]';

/** @import { Handler } from './ferretdb.mjs' */
/** @typedef {{ dir: string, handler: Handler }} Options */

/** @param {string[]} argv */
function parse(argv) {
  /** @type {Options} */
  const opts = { dir: DEV_DIR, handler: 'postgresql' };
  const [command, ...rest] = argv;
  for (let i = 0; i < rest.length; i++) {
    const [flag, inline] = rest[i].split(/=(.*)/s);
    const value = inline ?? rest[++i];
    if (value === undefined) throw new Error(`${flag} needs a value\n${usage}`);
    if (flag === '--dir') opts.dir = value;
    // startStack refuses an unknown handler
    else if (flag === '--handler') opts.handler = /** @type {Handler} */ (value);
    else throw new Error(`unknown option ${flag}\n${usage}`);
  }
  return { command, opts };
}

/** @param {string} line */
const log = (line) => console.error(line);

/** @param {Options} opts */
async function up({ dir, handler }) {
  const external = { mongo: process.env.MONGODB_URI, kafka: process.env.KAFKA_BROKERS };
  if (external.mongo && external.kafka) {
    log('[stack] MONGODB_URI and KAFKA_BROKERS are both set: starting nothing');
    console.log(`MONGODB_URI=${external.mongo}\nKAFKA_BROKERS=${external.kafka}`);
    return;
  }
  if (external.mongo) log('[stack] MONGODB_URI is set: starting Kafka only');
  if (external.kafka) log('[stack] KAFKA_BROKERS is set: starting PostgreSQL + FerretDB only');
  const stack = await startStack({ dir, handler, kafka: !external.kafka, mongo: !external.mongo, log });
  console.log(
    `MONGODB_URI=${external.mongo ?? stack.mongoUri}\nKAFKA_BROKERS=${external.kafka ?? stack.kafkaBrokers}`,
  );
}

/** @param {Options} opts */
function status({ dir }) {
  const s = stackStatus(dir);
  if (!s) {
    console.log(`no stack recorded in ${dir}`);
    return;
  }
  const port = { kafka: s.ports.kafka, postgres: s.ports.postgres, ferret: s.ports.ferret };
  for (const [name, isUp] of /** @type {[keyof typeof port, boolean][]} */ (Object.entries(s.alive))) {
    console.log(`${name.padEnd(9)} ${isUp ? `up    pid ${s.pids[name]}` : 'down'}\t127.0.0.1:${port[name]}`);
  }
  if (s.alive.ferret) console.log(`MONGODB_URI=${s.mongoUri}`);
  if (s.alive.kafka) console.log(`KAFKA_BROKERS=${s.kafkaBrokers}`);
}

try {
  const { command, opts } = parse(process.argv.slice(2));
  if (command === 'up') await up(opts);
  else if (command === 'down') await stopStack(opts.dir, { log });
  else if (command === 'status') status(opts);
  else throw new Error(usage);
} catch (e) {
  console.error(/** @type {Error} */ (e).message);
  process.exitCode = 1;
}
