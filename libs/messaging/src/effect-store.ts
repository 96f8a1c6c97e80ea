import type { DomainEvent } from '@psc/contracts';
import type { AnyBulkWriteOperation } from 'mongodb';
import type { Connection } from 'mongoose';
import { type Effect, guard, mergeEffects, planRounds } from './effects';
import { SeenCompactor } from './seen-compactor';

const PROCESSED = 'processed_events';
/** FerretDB 1.24 holds a PostgreSQL connection per statement until a command ends and has 50: stay well below */
const MAX_STATEMENTS = 16;
const DUPLICATE_KEY = 11000;

const isDuplicateOnly = (error: unknown) => {
  const writeErrors = (error as { writeErrors?: { code: number }[] } | null)?.writeErrors;
  return Array.isArray(writeErrors) && writeErrors.every((e) => e.code === DUPLICATE_KEY);
};

/** Where one consumer group's batches land: the read models' guarded writes and the group's processed ids. */
export class EffectStore {
  private readonly compactor = new SeenCompactor();

  constructor(
    private readonly connection: Connection,
    private readonly group: string,
  ) {}

  async prepare(): Promise<void> {
    await this.connection.collection(PROCESSED).createIndex({ at: 1 });
  }

  /**
   * The ids among `ids` this group has recorded. One point read each, MAX_STATEMENTS at a time: FerretDB answers
   * `$in` by reading the whole collection, which grows by every event the group ever applied.
   */
  async alreadyProcessed(ids: string[]): Promise<Set<string>> {
    const processed = this.connection.collection<{ _id: string }>(PROCESSED);
    const seen = new Set<string>();
    for (let start = 0; start < ids.length; start += MAX_STATEMENTS) {
      await Promise.all(
        ids.slice(start, start + MAX_STATEMENTS).map(async (id) => {
          const found = await processed.findOne({ _id: `${this.group}:${id}` }, { projection: { _id: 1 } });
          if (found) seen.add(id);
        }),
      );
    }
    return seen;
  }

  /** Applies the effects exactly once in effect, then records the events; returns the ids already recorded. */
  async store(effects: Effect[], applied: DomainEvent[]): Promise<Set<string>> {
    const written = mergeEffects(effects);
    for (const round of planRounds(written)) {
      await Promise.all(
        [...round].map(async ([name, list]) => {
          const replayed = await this.write(
            name,
            list.map((effect) => ({ updateOne: guard(effect) as never })),
          );
          // a merged write that met a replay: its parts one by one, each guarded, apply exactly what is missing
          for (const index of replayed) {
            for (const part of list[index].parts ?? [])
              await this.write(name, [{ updateOne: guard(part) as never }]);
          }
        }),
      );
    }
    await this.compactor.applied(this.connection, written);
    const recorded = await this.write(
      PROCESSED,
      applied.map((e) => ({
        insertOne: { document: { _id: `${this.group}:${e.id}`, at: new Date() } as never },
      })),
    );
    return new Set(recorded.map((index) => applied[index].id));
  }

  /**
   * Bulk writes of at most MAX_STATEMENTS; returns the indexes of operations refused as duplicates ("already
   * applied"). An unordered bulk on FerretDB stops at its first error, unlike MongoDB, so after a duplicate the
   * chunk is replayed one by one: every operation is guarded, so that is safe.
   */
  private async write(name: string, operations: AnyBulkWriteOperation[]): Promise<number[]> {
    const collection = this.connection.collection(name);
    const duplicates: number[] = [];
    for (let start = 0; start < operations.length; start += MAX_STATEMENTS) {
      const chunk = operations.slice(start, start + MAX_STATEMENTS);
      try {
        await collection.bulkWrite(chunk, { ordered: false });
      } catch (error) {
        if (!isDuplicateOnly(error)) throw error;
        for (const [offset, operation] of chunk.entries()) {
          try {
            await collection.bulkWrite([operation]);
          } catch (single) {
            if (!isDuplicateOnly(single)) throw single;
            duplicates.push(start + offset);
          }
        }
      }
    }
    return duplicates;
  }
}
