import type { UpdateQuery } from 'mongoose';

/** How many recent event ids a read-model document remembers; far more than one uncommitted batch can replay. */
export const SEEN_WINDOW = 1000;

export interface Effect {
  collection: string;
  id: string;
  update: UpdateQuery<unknown>;
  eventId: string;
}

export interface GuardedUpdate {
  filter: { _id: string; _seen: { $ne: string } };
  update: UpdateQuery<unknown>;
  upsert: true;
}

/**
 * The effect and the record that it happened are one write: the document keeps the ids of the events applied to
 * it, and the filter refuses an id it already has. On a replay the filter misses, the upsert collides with the
 * existing `_id`, and the duplicate-key error (11000) is the proof that the effect is already there.
 */
export function guard({ id, update, eventId }: Effect): GuardedUpdate {
  const push = (update.$push ?? {}) as Record<string, unknown>;
  return {
    filter: { _id: id, _seen: { $ne: eventId } },
    update: { ...update, $push: { ...push, _seen: { $each: [eventId], $slice: -SEEN_WINDOW } } },
    upsert: true,
  };
}

/**
 * Splits a batch's effects into rounds in which each document appears at most once, so every round can go to the
 * store as one unordered bulk write while the effects on any one document keep their event order.
 */
export function planRounds(effects: Effect[]): Map<string, Effect[]>[] {
  const rounds: Map<string, Effect[]>[] = [];
  const depth = new Map<string, number>();
  for (const effect of effects) {
    const docKey = `${effect.collection}\u0000${effect.id}`;
    const round = depth.get(docKey) ?? 0;
    depth.set(docKey, round + 1);
    rounds[round] ??= new Map();
    const byCollection = rounds[round];
    byCollection.set(effect.collection, [...(byCollection.get(effect.collection) ?? []), effect]);
  }
  return rounds;
}
