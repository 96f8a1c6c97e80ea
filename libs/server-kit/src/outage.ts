/**
 * The part of the platform a failure says is away for now — the database, the storage behind it, or Kafka — as
 * opposed to a bug. Told apart by the shape the mongodb driver, FerretDB and kafkajs give their errors (their class
 * names and codes), not by `instanceof`: the libraries may be loaded more than once and wrap each other's errors.
 */
export type OutagePart = 'database' | 'database-backend' | 'kafka';

export interface Outage {
  part: OutagePart;
  /** the library's own words, for the log and /health */
  reason: string;
}

/** What /health says for each part, before the library's own words. */
export const OUTAGE_TEXT: Readonly<Record<OutagePart, string>> = {
  database: 'the database server is not reachable',
  'database-backend': "the database server's storage (PostgreSQL behind FerretDB) is not reachable",
  kafka: 'Kafka is not reachable',
};

// the driver lost its connection, found no server to send to, or was closed under the request
const DRIVER_ERRORS = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoPoolClearedError',
  'PoolClearedOnNetworkError',
  'MongoPoolClosedError',
  'MongoTopologyClosedError',
  'MongoClientClosedError',
  'MongoServerClosedError',
  'MongoWaitQueueTimeoutError',
]);

// a socket's own error: the driver lets some through unwrapped (a write on a connection FerretDB closed as it was
// killed: EPIPE, "This socket has been ended by the other party"). kafkajs wraps its own and the gateway answers its
// proxy's, so a bare one under a service's request is the database connection's.
const SOCKET_CODES = new Set([
  'EPIPE',
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
]);

// a replica set between primaries, or a member going down: HostUnreachable, HostNotFound, NetworkTimeout,
// ShutdownInProgress, PrimarySteppedDown, SocketException, NotWritablePrimary, InterruptedAtShutdown,
// InterruptedDueToReplStateChange, NotPrimaryNoSecondaryOk, NotPrimaryOrSecondary, LegacyNotPrimary,
// FailedToSatisfyReadPreference
const SERVER_CODES = new Set([6, 7, 89, 91, 133, 189, 9001, 10058, 10107, 11600, 11602, 13435, 13436]);

// FerretDB answers InternalError (code 1) with PostgreSQL's or pgx's words when its backend is gone or restarting:
// "failed to connect to `user=… database=ferretdb`", "FATAL: the database system is starting up", "terminating
// connection due to unexpected postmaster exit (SQLSTATE 57P01)"; SQLSTATE class 08 is a lost connection, 53300 too
// many connections
const BACKEND_GONE =
  /failed to connect to|SQLSTATE (08\w{3}|57P0[123]|53300)|the database system is|unexpected EOF|conn(ection)? closed|connection reset|broken pipe/i;

// mongoose queueing an operation while it is not connected
const MONGOOSE_WAITING = /buffering timed out|before initial connection is complete/;

const KAFKA_ERRORS = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSNumberOfRetriesExceeded',
  'KafkaJSBrokerNotFound',
  'KafkaJSMetadataNotLoaded',
  'KafkaJSTimeout',
  'KafkaJSLockTimeout',
  'KafkaJSGroupCoordinatorNotFound',
  'KafkaJSNoBrokerAvailableError',
]);

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  retriable?: unknown;
  errorLabels?: unknown;
  errorLabelSet?: unknown;
  cause?: unknown;
  originalError?: unknown;
}

const labelsOf = (error: ErrorShape): unknown[] => [
  ...(Array.isArray(error.errorLabels) ? (error.errorLabels as unknown[]) : []),
  ...(error.errorLabelSet instanceof Set ? [...(error.errorLabelSet as Set<unknown>)] : []),
];

function partOf(error: ErrorShape): OutagePart | undefined {
  const name = typeof error.name === 'string' ? error.name : '';
  const message = typeof error.message === 'string' ? error.message : '';
  if (DRIVER_ERRORS.has(name) || MONGOOSE_WAITING.test(message)) return 'database';
  if (name === 'Error' && typeof error.code === 'string' && SOCKET_CODES.has(error.code)) return 'database';
  if (name.startsWith('Mongo')) {
    if (typeof error.code === 'number' && SERVER_CODES.has(error.code)) return 'database';
    if (labelsOf(error).includes('RetryableWriteError')) return 'database';
    if (error.code === 1 && BACKEND_GONE.test(message)) return 'database-backend';
  }
  if (KAFKA_ERRORS.has(name)) return 'kafka';
  // a broker answering "not the leader", "coordinator not available" and the like says so itself
  if (name === 'KafkaJSProtocolError' && error.retriable === true) return 'kafka';
  return undefined;
}

/** The outage a failure reports, looking through the errors it wraps; undefined for anything else (a bug). */
export function outageOf(error: unknown): Outage | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    const shape = current as ErrorShape;
    const part = partOf(shape);
    if (part) return { part, reason: typeof shape.message === 'string' ? shape.message : String(shape.name) };
    current = shape.cause ?? shape.originalError;
  }
  return undefined;
}

/** What a background job needs of a logger (Nest's Logger over pino). */
interface FailureLog {
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/**
 * Logs a background job's failed run: a dependency away is a warning naming the part (it recurs every tick until the
 * part is back, and is not a bug), anything else an error with its stack.
 */
export function logFailure(logger: FailureLog, error: unknown, message: string): void {
  const outage = outageOf(error);
  if (outage) logger.warn({ part: outage.part, reason: outage.reason }, message);
  else logger.error({ err: error }, message);
}
