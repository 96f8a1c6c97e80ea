import { KafkaJSConnectionError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import {
  MongoNetworkError,
  MongoClientClosedError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from 'mongodb';
import { describe, expect, it } from 'vitest';
import { logFailure, outageOf } from './outage';

// what FerretDB answered, word for word, while its PostgreSQL was killed and started again
const ferret = (errmsg: string) =>
  new MongoServerError({ ok: 0, code: 1, codeName: 'InternalError', errmsg });

// kafkajs makes these from the broker's error-code table: type, code, retriable and message
const protocolError = (e: { type: string; code: number; retriable: boolean; message: string }) =>
  new KafkaJSProtocolError(e as unknown as Error);

describe('outageOf', () => {
  it('names the database for the driver losing its connection or finding no server', () => {
    const cases = [
      new MongoNetworkError('connection 1 to 127.0.0.1:57017 closed'),
      new MongoServerSelectionError('connect ECONNREFUSED 127.0.0.1:57017', {} as never),
      new MongoClientClosedError(),
      new MongoTopologyClosedError(),
      // a replica set electing a new primary
      new MongoServerError({ ok: 0, code: 10107, codeName: 'NotWritablePrimary', errmsg: 'not primary' }),
      new MongoServerError({ ok: 0, code: 189, codeName: 'PrimarySteppedDown', errmsg: 'stepped down' }),
      Object.assign(new Error('Operation `cases.findOne()` buffering timed out after 10000ms'), {
        name: 'MongooseError',
      }),
      // the driver writing on a socket FerretDB had closed as it was killed, its error let through as Node raised it
      Object.assign(new Error('This socket has been ended by the other party'), { code: 'EPIPE' }),
      Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET', syscall: 'read' }),
    ];
    expect(cases.map((error) => outageOf(error)?.part)).toEqual(cases.map(() => 'database'));
  });

  it('names the storage behind FerretDB when FerretDB answers that PostgreSQL is gone or restarting', () => {
    const said = [
      '[msg_insert.go:168 handler.(*Handler).MsgInsert] failed to connect to `user=postgres database=ferretdb`: dial error: connect: connection refused',
      '[msg_insert.go:168 handler.(*Handler).MsgInsert] FATAL: terminating connection due to unexpected postmaster exit (SQLSTATE 57P01)',
      'failed to connect to `user=postgres database=ferretdb`: server error: FATAL: the database system is starting up (SQLSTATE 57P03)',
    ];
    expect(said.map((text) => outageOf(ferret(text)))).toEqual(
      said.map((reason) => ({ part: 'database-backend', reason })),
    );
  });

  it('names Kafka for a lost broker, also when kafkajs wraps it after its retries', () => {
    const lost = new KafkaJSConnectionError('Connection error: connect ECONNREFUSED 127.0.0.1:59092');
    expect(outageOf(lost)?.part).toBe('kafka');
    expect(outageOf(new KafkaJSNumberOfRetriesExceeded(lost, { retryCount: 5, retryTime: 300 }))?.part).toBe(
      'kafka',
    );
    const notLeader = protocolError({
      type: 'NOT_LEADER_FOR_PARTITION',
      code: 6,
      retriable: true,
      message: 'This server is not the leader for that topic-partition',
    });
    expect(outageOf(notLeader)?.part).toBe('kafka');
    expect(outageOf(new Error('publish failed', { cause: lost }))?.part).toBe('kafka');
  });

  it('leaves every other failure a bug: a server error that is not an outage, a refused message, a TypeError', () => {
    const bugs = [
      new MongoServerError({ ok: 0, code: 11000, errmsg: 'E11000 duplicate key error' }),
      ferret('[msg_find.go:344] unsupported operator $lookup'),
      protocolError({
        type: 'MESSAGE_TOO_LARGE',
        code: 10,
        retriable: false,
        message: 'too large',
      }),
      new TypeError("Cannot read properties of undefined (reading 'revision')"),
      Object.assign(new Error("ENOENT: no such file or directory, open 'seed.json'"), { code: 'ENOENT' }),
      'a string',
      null,
    ];
    expect(bugs.map((error) => outageOf(error))).toEqual(bugs.map(() => undefined));
  });

  it("logs a background job's run lost to an outage as a warning naming the part, a bug as an error with its stack", () => {
    const lines: [string, object, string][] = [];
    const logger = {
      warn: (fields: object, message: string) => lines.push(['warn', fields, message]),
      error: (fields: object, message: string) => lines.push(['error', fields, message]),
    };
    const bug = new TypeError('x is undefined');
    logFailure(logger, new MongoServerSelectionError('connect ECONNREFUSED', {} as never), 'sweep failed');
    logFailure(logger, bug, 'sweep failed');
    expect(lines).toEqual([
      ['warn', { part: 'database', reason: 'connect ECONNREFUSED' }, 'sweep failed'],
      ['error', { err: bug }, 'sweep failed'],
    ]);
  });
});
