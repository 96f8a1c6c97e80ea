import type { Model, UpdateQuery } from 'mongoose';

export interface Effect {
  collection: string;
  id: string;
  update: UpdateQuery<unknown>;
  /** the events this write applies; more than one when a batch's effects on a document were merged */
  eventIds: string[];
  /** the single-event effects a merged one was made of, applied one by one if the merged write meets a replay */
  parts?: Effect[];
}

/**
 * What an event handler may do, given to it as the `@Ctx()` of its `@EventPattern`: state its effects on read-model
 * documents; the consumer group applies them exactly once in effect.
 */
export class Effects {
  readonly list: Effect[] = [];

  constructor(private readonly eventId: string) {}

  upsert(model: Model<never>, id: string, update: UpdateQuery<unknown>): void {
    this.list.push({ collection: model.collection.name, id, update, eventIds: [this.eventId] });
  }
}

export interface GuardedUpdate {
  filter: { _id: string; _seen: { $nin: string[] } };
  update: UpdateQuery<unknown>;
  upsert: true;
}

/**
 * The effect and the record that it happened are one write: the document keeps the ids of the events applied to
 * it, and the filter refuses ids it already has. On a replay the filter misses, the upsert collides with the
 * existing `_id`, and the duplicate-key error (11000) is the proof that the effect is already there.
 */
export function guard({ id, update, eventIds }: Effect): GuardedUpdate {
  const push = (update.$push ?? {}) as Record<string, unknown>;
  return {
    filter: { _id: id, _seen: { $nin: eventIds } },
    update: { ...update, $push: { ...push, _seen: { $each: eventIds } } },
    upsert: true,
  };
}

const MERGEABLE = new Set(['$inc', '$set']);

/**
 * Folds a batch's effects on one document into one write where that is exact: `$inc`s add up and the last `$set`
 * of a field wins. A hot document (a per-theme counter) then costs one write per batch instead of one per event.
 */
export function mergeEffects(effects: Effect[]): Effect[] {
  const byDoc = new Map<string, Effect[]>();
  for (const effect of effects) {
    const key = `${effect.collection}\u0000${effect.id}`;
    byDoc.set(key, [...(byDoc.get(key) ?? []), effect]);
  }
  return [...byDoc.values()].flatMap((group) => {
    if (group.length === 1 || !group.every((e) => Object.keys(e.update).every((op) => MERGEABLE.has(op)))) {
      return group;
    }
    const inc: Record<string, number> = {};
    const set: Record<string, unknown> = {};
    for (const { update } of group) {
      for (const [field, by] of Object.entries(update.$inc ?? {}) as [string, number][]) {
        inc[field] = (inc[field] ?? 0) + by;
      }
      Object.assign(set, update.$set);
    }
    const update: UpdateQuery<unknown> = {};
    if (Object.keys(inc).length > 0) update.$inc = inc;
    if (Object.keys(set).length > 0) update.$set = set;
    const { collection, id } = group[0];
    return [{ collection, id, update, eventIds: group.flatMap((e) => e.eventIds), parts: group }];
  });
}

/**
 * Splits effects into rounds in which each document appears at most once, so every round can go to the store as
 * unordered bulk writes while the effects on any one document keep their event order.
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
