import { type BeforeApplicationShutdown, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { DomainEvent } from '@psc/contracts';
import { EventFeed, KafkaClient } from '@psc/messaging';
import type { Model } from 'mongoose';
import { ITEM_COPY_MODEL, type ItemCopy, toCopy } from './item-copy.model';

/**
 * The catalogue versions this service opens cases against. The consumer group stores every version once (durable,
 * shared by replicas: CatalogueItemPublishedConsumer); each process also keeps the newest version of each item in
 * memory, loaded at start and followed through its own feed, so intake never waits on the store for it.
 */
@Injectable()
export class ItemCopiesService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly latest = new Map<string, ItemCopy>();
  private readonly feed: EventFeed;

  constructor(
    @InjectModel(ITEM_COPY_MODEL) private readonly copies: Model<ItemCopy>,
    client: KafkaClient,
  ) {
    this.feed = new EventFeed(
      client,
      'affairs.items',
      (event) => this.remember(toCopy((event as DomainEvent<'catalogue.item.published'>).data)),
      (type) => type === 'catalogue.item.published',
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    // the feed first, so nothing published while the store is read is missed (remember keeps the newest)
    void this.feed.start();
    for (const copy of await this.copies.find().lean<ItemCopy[]>()) this.remember(copy);
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.feed.stop();
  }

  /** The newest version of an item, as cases opened now are taken against. */
  async current(code: string): Promise<ItemCopy | undefined> {
    const known = this.latest.get(code);
    if (known) return known;
    // published a moment ago and stored by another replica before this one's feed saw it
    const [stored] = await this.copies.find({ code }).sort({ version: -1 }).limit(1).lean<ItemCopy[]>();
    if (stored) this.remember(stored);
    return stored;
  }

  private remember(copy: ItemCopy): void {
    const known = this.latest.get(copy.code);
    if (!known || known.version < copy.version) this.latest.set(copy.code, copy);
  }
}
