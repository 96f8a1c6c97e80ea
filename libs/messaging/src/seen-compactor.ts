import type { Connection } from 'mongoose';
import type { Effect } from './effects';

/** Event ids a read-model document keeps: far more than one uncommitted batch or one relay resend can replay. */
export const SEEN_WINDOW = 1000;
/** documents tracked at once; a document pushed to rarely (one event per item view) falls out, which is harmless */
const TRACKED = 5000;

/**
 * Keeps `_seen` bounded. MongoDB could do it in the guarded write (`$push` with `$slice`), but FerretDB 1.24 ignores
 * `$slice`, so this process remembers the ids it pushed to each document and, past twice the window, pulls the
 * oldest. Ids pushed by an earlier process stay until a later compaction of the same document passes them.
 */
export class SeenCompactor {
  private readonly pushed = new Map<string, { collection: string; id: string; ids: string[] }>();

  async applied(connection: Connection, effects: Effect[]): Promise<void> {
    for (const { collection, id, eventIds } of effects) {
      const key = `${collection}\u0000${id}`;
      const entry = this.pushed.get(key) ?? { collection, id, ids: [] };
      entry.ids.push(...eventIds);
      this.pushed.delete(key); // re-inserting keeps the map in least-recently-used order
      this.pushed.set(key, entry);
      if (this.pushed.size > TRACKED) this.pushed.delete(this.pushed.keys().next().value as string);
      if (entry.ids.length > 2 * SEEN_WINDOW) {
        const oldest = entry.ids.splice(0, entry.ids.length - SEEN_WINDOW);
        await connection
          .collection(collection)
          .updateOne({ _id: id as never }, { $pullAll: { _seen: oldest } } as never);
      }
    }
  }
}
