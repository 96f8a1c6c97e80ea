import {
  type BeforeApplicationShutdown,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { DomainEvent } from '@psc/contracts';
import { EventFeed, KafkaClient } from '@psc/messaging';
import type { Model } from 'mongoose';
import { CENTRE_MODEL, type CentreDoc, toCentre } from '../centres/centre.model';
import { ITEM_VERSION_MODEL, type ItemVersion } from '../items/item.model';
import { CatalogueView, type PublishedVersion } from './catalogue-view';
import { ITEM_STATS_MODEL, type ItemStats } from './item-stats.model';

const FLUSH_MS = 5000;
/** FerretDB holds a PostgreSQL connection per statement of a command: keep commands small */
const CHUNK = 16;

/**
 * Keeps the in-memory view current: loaded at start, updated by this process's
 * own publishes at once and by other replicas' through Kafka, and writes the open counts back every few seconds.
 */
@Injectable()
export class CatalogueCacheService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(CatalogueCacheService.name);
  readonly view = new CatalogueView();
  private readonly feed: EventFeed;
  private readonly unsaved = new Map<string, number>();
  private flusher?: NodeJS.Timeout;

  constructor(
    @InjectModel(ITEM_VERSION_MODEL) private readonly versions: Model<ItemVersion>,
    @InjectModel(CENTRE_MODEL) private readonly centres: Model<CentreDoc>,
    @InjectModel(ITEM_STATS_MODEL) private readonly stats: Model<ItemStats>,
    client: KafkaClient,
  ) {
    this.feed = new EventFeed(
      client,
      'catalogue.view',
      (event) => {
        if (event.type === 'catalogue.item.published')
          this.view.apply((event as DomainEvent<'catalogue.item.published'>).data);
      },
      (type) => type === 'catalogue.item.published',
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    // the feed first, so that nothing published while the store is read is missed (apply ignores repeats)
    void this.feed.start();
    await this.reload();
    this.flusher = setInterval(() => void this.flush(), FLUSH_MS);
    this.flusher.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.flusher);
    await this.flush();
    await this.feed.stop();
  }

  async reload(): Promise<void> {
    const [versions, centres, stats] = await Promise.all([
      this.versions.find({}, { code: 1, version: 1, content: 1 }).lean<PublishedVersion[]>(),
      this.centres.find().lean<CentreDoc[]>(),
      this.stats.find().lean<ItemStats[]>(),
    ]);
    this.view.load(versions, centres.map(toCentre), new Map(stats.map((s) => [s._id, s.opened])));
    this.logger.log({ versions: versions.length, centres: centres.length }, 'catalogue loaded');
  }

  apply(version: PublishedVersion): void {
    this.view.apply(version);
  }

  opened(code: string): void {
    this.view.opened(code);
    this.unsaved.set(code, (this.unsaved.get(code) ?? 0) + 1);
  }

  private async flush(): Promise<void> {
    if (this.unsaved.size === 0) return;
    const pending = [...this.unsaved];
    this.unsaved.clear();
    for (let i = 0; i < pending.length; i += CHUNK) {
      try {
        await this.stats.bulkWrite(
          pending.slice(i, i + CHUNK).map(([code, n]) => ({
            updateOne: { filter: { _id: code }, update: { $inc: { opened: n } }, upsert: true },
          })),
          { ordered: false },
        );
      } catch (error) {
        // counts are a ranking hint: keep what is not written yet for the next round
        for (const [code, n] of pending.slice(i)) this.unsaved.set(code, (this.unsaved.get(code) ?? 0) + n);
        this.logger.warn({ err: error }, 'saving open counts failed; will retry');
        return;
      }
    }
  }
}
