// Kafka: one KRaft node (broker + controller) from the jars of kafka/pom.xml, fetched from Maven Central into the
// shared cache.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CACHE_DIR } from './layout.mjs';
import { withLock } from './lock.mjs';
import { portFree, portOpen } from './ports.mjs';
import { ensureCommand } from './prerequisites.mjs';
import { isAlive, quote, run, since, sleep, spawnDetached, StackError, tailLines } from './processes.mjs';

/** @import { Ports } from './layout.mjs' */
/** @import { Log } from './prerequisites.mjs' */
/** @typedef {ReturnType<typeof kafkaPaths>} KafkaPaths */
/** @typedef {{ pid: number | undefined, command: string, match: string, logFiles: string[] }} LaunchedKafka */

const KAFKA_POM = path.join(import.meta.dirname, 'kafka', 'pom.xml');
const KAFKA_LOG4J = path.join(import.meta.dirname, 'kafka', 'log4j.properties');
const JARS_DIR = path.join(CACHE_DIR, 'kafka-jars');
const READY_TOPIC = '__psc_ready';

/** @param {Log} log */
export async function ensureKafkaJars(log) {
  const stamp = crypto.createHash('sha256').update(fs.readFileSync(KAFKA_POM)).digest('hex');
  const stampFile = path.join(JARS_DIR, '.pom-sha256');
  const fresh = () => tailLines(stampFile, 1) === stamp;
  if (fresh()) return;
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const mvn = await ensureCommand('mvn', 'maven', log);
  await withLock(
    path.join(CACHE_DIR, '.lock-kafka-jars'),
    () => log('[stack] waiting for another stack to fetch the Kafka jars…'),
    async () => {
      if (fresh()) return;
      const t0 = Date.now();
      log('[stack] fetching Kafka jars from Maven Central…');
      // Resolve into a scratch folder and swap it in, so a broken run never leaves half a classpath.
      const tmp = `${JARS_DIR}.tmp-${process.pid}`;
      fs.rmSync(tmp, { recursive: true, force: true });
      await run('kafka jars (maven)', mvn, [
        '-B',
        '-q',
        '-f',
        KAFKA_POM,
        'dependency:copy-dependencies',
        '-DincludeScope=runtime',
        `-DoutputDirectory=${tmp}`,
      ]);
      fs.writeFileSync(path.join(tmp, '.pom-sha256'), stamp);
      fs.rmSync(JARS_DIR, { recursive: true, force: true });
      fs.renameSync(tmp, JARS_DIR);
      log(
        `[stack] kafka jars ready: ${fs.readdirSync(JARS_DIR).filter((f) => f.endsWith('.jar')).length} jars ${since(t0)}`,
      );
    },
  );
}

/** @param {string} dir */
const kafkaPaths = (dir) => {
  const root = path.join(dir, 'kafka');
  return {
    root,
    config: path.join(root, 'server.properties'),
    data: path.join(root, 'data'),
    serverLog: path.join(root, 'server.log'),
    outLog: path.join(root, 'stdout.log'),
  };
};

/** @param {KafkaPaths} p @param {Ports} ports */
export function kafkaProperties(p, ports) {
  return `# Written by tools/stack/kafka.mjs on every start; edit there.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${ports.kafkaController}
listeners=PLAINTEXT://127.0.0.1:${ports.kafka},CONTROLLER://127.0.0.1:${ports.kafkaController}
advertised.listeners=PLAINTEXT://127.0.0.1:${ports.kafka}
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=${p.data}
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
auto.create.topics.enable=true
# few internal partitions and no rebalance delay: the coordinator answers seconds after start
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=3
group.initial.rebalance.delay.ms=0
`;
}

// Kafka cluster ids are 16 random bytes in base64url; the CLI parser chokes on a leading '-'.
export function kafkaClusterId() {
  for (;;) {
    const id = crypto.randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/** @param {KafkaPaths} p @param {string} mainClass @param {string[]} args */
function javaArgs(p, mainClass, args) {
  return [
    '-Xmx512m',
    '-Xms128m',
    '-XX:+ExitOnOutOfMemoryError',
    '-Djava.awt.headless=true',
    `-Dlog4j.configuration=file:${KAFKA_LOG4J}`,
    `-Dkafka.logs.dir=${p.root}`,
    '-cp',
    `${JARS_DIR}/*`,
    mainClass,
    ...args,
  ];
}

/**
 * Formats the storage on first use and starts the broker detached; waitKafkaReady tells when it serves.
 * @param {string} dir
 * @param {Ports} ports
 * @param {Log} log
 * @returns {Promise<LaunchedKafka>}
 */
export async function launchKafka(dir, ports, log) {
  const p = kafkaPaths(dir);
  const java = await ensureCommand('java', 'openjdk-17-jre-headless', log);
  fs.mkdirSync(p.data, { recursive: true });
  fs.writeFileSync(p.config, kafkaProperties(p, ports));
  if (!fs.existsSync(path.join(p.data, 'meta.properties'))) {
    const t0 = Date.now();
    await run(
      'kafka storage format',
      java,
      javaArgs(p, 'kafka.tools.StorageTool', [
        'format',
        '--ignore-formatted',
        '-t',
        kafkaClusterId(),
        '-c',
        p.config,
      ]),
      { logFiles: [p.serverLog] },
    );
    log(`[stack] kafka storage formatted ${since(t0)}`);
  }
  for (const port of [ports.kafka, ports.kafkaController]) {
    if (!(await portFree(port)))
      throw new StackError('kafka start', `port ${port} on 127.0.0.1 is already in use`);
  }
  const args = javaArgs(p, 'kafka.Kafka', [p.config]);
  fs.appendFileSync(p.outLog, `\n--- start ${new Date().toISOString()}\n`);
  const pid = spawnDetached(java, args, { logFile: p.outLog, cwd: p.root });
  return { pid, command: quote([java, ...args]), match: p.config, logFiles: [p.serverLog, p.outLog] };
}

/** @param {LaunchedKafka} launched @param {Ports} ports @param {Log} log */
export async function waitKafkaReady({ pid, command, match, logFiles }, ports, log) {
  const step = 'kafka readiness';
  const deadline = Date.now() + 90_000;
  while (!(await portOpen(ports.kafka))) {
    if (!isAlive(pid, match))
      throw new StackError(step, 'the broker exited during start', { command, logFiles });
    if (Date.now() > deadline)
      throw new StackError(step, `port ${ports.kafka} did not open within 90 s`, { command, logFiles });
    await sleep(250);
  }
  let mod;
  try {
    mod = await import('kafkajs');
  } catch {
    log('[stack] kafkajs not installed: kafka readiness checked by port only');
    return;
  }
  const { Kafka, logLevel } = mod.default ?? mod;
  const kafka = new Kafka({
    clientId: 'psc-stack-ready',
    brokers: [`127.0.0.1:${ports.kafka}`],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3000,
    retry: { initialRetryTime: 300, maxRetryTime: 3000, retries: 30 },
  });
  const admin = kafka.admin();
  // A group join proves the group coordinator has loaded __consumer_offsets, which is the last
  // thing to come up and the first thing the services need.
  const consumer = kafka.consumer({
    groupId: `psc-ready-${crypto.randomUUID()}`,
    sessionTimeout: 10_000,
    heartbeatInterval: 1000,
  });
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const joined = new Promise((resolve) => consumer.on(consumer.events.GROUP_JOIN, resolve));
  const check = (async () => {
    await admin.connect();
    await admin.createTopics({
      topics: [{ topic: READY_TOPIC, numPartitions: 1, replicationFactor: 1 }],
      waitForLeaders: true,
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [READY_TOPIC] });
    await consumer.run({ eachMessage: async () => {} });
    await joined;
  })();
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('no consumer group join within 60 s')), 60_000);
  });
  let settled = false;
  const died = (async () => {
    while (!settled && isAlive(pid, match)) await sleep(500);
    if (!settled) throw new Error('the broker exited during start');
  })();
  try {
    await Promise.race([check, timeout, died]);
  } catch (e) {
    throw new StackError(step, /** @type {Error} */ (e).message, { command, logFiles });
  } finally {
    settled = true;
    clearTimeout(timer);
    check.catch(() => {});
    died.catch(() => {});
    await Promise.allSettled([consumer.disconnect(), admin.disconnect()]);
  }
}
