import { buildEvent, type DomainEvent, type EventData, type EventType } from '@psc/contracts';
import type { Outbox, PendingEvent } from '@psc/messaging';
import type { Model, UpdateQuery } from 'mongoose';

/**
 * The outbox as a service sees it, over an in-memory model: the write and its events succeed or fail together, and
 * the events are built and validated as the real one builds them. Instead of a relay it keeps what was raised.
 */
export class FakeOutbox implements Pick<Outbox, 'create' | 'update'> {
  /** every event raised so far, in order */
  readonly raised: DomainEvent[] = [];

  // ES-private, so that the type can be intersected with the real outbox's, whose privates have other shapes
  readonly #service: string;

  constructor(service = 'test') {
    this.#service = service;
  }

  async create<T extends { _id: string }>(
    model: Model<T>,
    doc: T,
    events: PendingEvent[],
  ): Promise<DomainEvent[]> {
    const built = this.#build(doc._id, events);
    await model.create(doc);
    this.raised.push(...built);
    return built;
  }

  async update<T extends { _id: string }>(
    model: Model<T>,
    filter: Record<string, unknown> & { _id: string },
    update: UpdateQuery<T>,
    events: PendingEvent[],
  ): Promise<T | null> {
    const built = this.#build(filter._id, events);
    const doc = (await model.collection.findOneAndUpdate(filter as never, update, {
      returnDocument: 'after',
    })) as T | null;
    if (doc) this.raised.push(...built);
    return doc;
  }

  /** The data of the events of one type raised so far. */
  dataOf<T extends EventType>(type: T): EventData<T>[] {
    return this.raised.filter((e): e is DomainEvent<T> => e.type === type).map((e) => e.data);
  }

  /** The types raised so far, in order: what a step announced. */
  get types(): EventType[] {
    return this.raised.map((e) => e.type);
  }

  #build(key: string, events: PendingEvent[]): DomainEvent[] {
    return events.map((e) => buildEvent(e.type, key, e.data as never, this.#service));
  }
}

/** A fake outbox typed as the real one, to hand to a service's constructor. */
export const fakeOutbox = (service?: string) => new FakeOutbox(service) as FakeOutbox & Outbox;
