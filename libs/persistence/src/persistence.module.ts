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
          serverSelectionTimeoutMS: 10_000,
          // FerretDB has no retryable writes; Mongo replica sets keep them by URI option when wanted
          retryWrites: false,
        }),
      ],
      providers: [DatabaseHealthProbe],
    };
  }
}
