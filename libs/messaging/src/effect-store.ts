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

  async alreadyProcessed(ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    // `$in` makes FerretDB read the whole collection; acceptable only because resent copies are rare
    const docs = await this.connection
      .collection<{ _id: string }>(PROCESSED)
      .find({ _id: { $in: ids.map((id) => `${this.group}:${id}`) } }, { projection: { _id: 1 } })
      .toArray();
    return new Set(docs.map((d) => d._id.slice(this.group.length + 1)));
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
