import { Inject, Injectable } from '@nestjs/common';
import { buildEvent, type DomainEvent, type EventData, type EventType } from '@psc/contracts';
import type { Model, Schema, UpdateQuery } from 'mongoose';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';
import { OutboxRelay } from './outbox-relay';

/**
 * The store has no multi-document transactions, so an aggregate's pending events live in the aggregate's own
 * document: the state change and its events are one atomic write. The relay empties `_outbox` once Kafka has them.
 */
export interface OutboxFields {
  /** serialized envelopes: FerretDB's $pull cannot match by condition, so entries are removed by exact value */
  _outbox?: string[];
  _outboxPending?: boolean;
  _outboxAt?: Date;
}

export function outboxPlugin(schema: Schema): void {
  schema.add({
    _outbox: { type: [String], default: undefined, select: false },
    _outboxPending: { type: Boolean, select: false },
    _outboxAt: { type: Date, select: false },
  });
  schema.index({ _outboxPending: 1 });
}

export type PendingEvent = { [T in EventType]: { type: T; data: EventData<T> } }[EventType];

@Injectable()
export class Outbox {
  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly relay: OutboxRelay,
  ) {}

  /** Creates a document together with the events it raises. */
  async create<T extends { _id: string }>(
    model: Model<T>,
    doc: T,
    events: PendingEvent[],
  ): Promise<DomainEvent[]> {
    const built = this.build(doc._id, events);
    await model.create({
      ...doc,
      _outbox: built.map((e) => JSON.stringify(e)),
      _outboxPending: true,
      _outboxAt: new Date(),
    });
    this.relay.enqueueSerialized(
      model.collection.name,
      built.map((e) => JSON.stringify(e)),
    );
    return built;
  }

  /**
   * Applies `update` to the one document `filter` matches, appending the events in the same write.
   * Returns null when nothing matched (the caller's optimistic-concurrency check failed) and then raises nothing.
   */
  async update<T extends { _id: string }>(
    model: Model<T>,
    filter: Record<string, unknown> & { _id: string },
    update: UpdateQuery<T>,
    events: PendingEvent[],
  ): Promise<T | null> {
    const built = this.build(filter._id, events);
    const merged = {
      ...update,
      $set: { ...(update.$set as object | undefined), _outboxPending: true, _outboxAt: new Date() },
      $push: {
        ...(update.$push as object | undefined),
        _outbox: { $each: built.map((e) => JSON.stringify(e)) },
      },
    } as UpdateQuery<T>;
    // the driver's own findOneAndUpdate: mongoose would add a projection for the hidden outbox fields, and FerretDB
    // refuses findAndModify with one
    const doc = (await model.collection.findOneAndUpdate(filter as never, merged, {
      returnDocument: 'after',
    })) as (T & OutboxFields) | null;
    if (!doc) return null;
    // everything still pending, not only this write's events, so that leftovers of a crashed writer go first
    const { _outbox: pending = [], _outboxPending: _p, _outboxAt: _a, ...state } = doc;
    this.relay.enqueueSerialized(model.collection.name, pending);
    return state as T;
  }

  private build(key: string, events: PendingEvent[]): DomainEvent[] {
    return events.map((e) => buildEvent(e.type, key, e.data as never, this.options.service));
  }
}
