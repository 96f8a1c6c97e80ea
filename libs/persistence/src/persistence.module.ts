import { type DynamicModule, Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { InjectConnection, MongooseModule } from '@nestjs/mongoose';
import { HealthRegistry, type HealthProbe } from '@psc/server-kit';
import type { Connection } from 'mongoose';

export interface PersistenceOptions {
  uri: string;
  dbName: string;
}

@Injectable()
export class DatabaseHealthProbe implements HealthProbe, OnModuleInit {
  readonly name = 'database';

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly registry: HealthRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async probe(): Promise<Record<string, unknown>> {
    const db = this.connection.db;
    if (!db) throw new Error('not connected');
    await db.command({ ping: 1 });
    return { db: db.databaseName };
  }
}

/**
 * How long a request waits for a store that is gone: a few seconds, then the error filter answers 503 and the client
 * retries. No queueing in mongoose (`bufferCommands`: it would hold each request until its own timeout, 10 s, and
 * then fail anyway); the driver picks a server within 3 s or gives up, and checks a lost one every 2 s, so the first
 * request after the store is back goes through.
 */
export const STORE_WAIT = {
  bufferCommands: false,
  serverSelectionTimeoutMS: 3000,
  connectTimeoutMS: 3000,
  heartbeatFrequencyMS: 2000,
} as const;

/** One database per service; `autoIndex` builds the unique indexes idempotency relies on at start. */
@Module({})
export class PersistenceModule {
  static forRoot({ uri, dbName }: PersistenceOptions): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        MongooseModule.forRoot(uri, {
          dbName,
          autoIndex: true,
          ...STORE_WAIT,
          // FerretDB has no retryable writes; Mongo replica sets keep them by URI option when wanted
          retryWrites: false,
        }),
      ],
      providers: [DatabaseHealthProbe],
    };
  }
}
