import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  centreSchema as centreContract,
  itemContentSchema,
  publishableItemSchema,
} from '@psc/contracts/catalogue';
import { Outbox } from '@psc/messaging';
import type { Model } from 'mongoose';
import { isDeepStrictEqual } from 'node:util';
import { CENTRE_MODEL, type CentreDoc } from '../centres/centre.model';
import { type Item, ITEM_MODEL, ITEM_VERSION_MODEL, type ItemVersion, versionId } from '../items/item.model';
import { itemCodesFor, seedCentres } from './centres';
import { seedItems } from './items';

const SEEDED_BY = 'seed';
export const SEED_ENABLED = Symbol('SEED_ENABLED');

/**
 * Loads the 108 items (each published as version 1, announced through the outbox like any publish) and the centres
 * into an empty store, before the view is read at bootstrap. A store with the whole seed, or with items of its own,
 * is left alone.
 */
@Injectable()
export class SeedService implements OnModuleInit {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    @InjectModel(ITEM_MODEL) private readonly items: Model<Item>,
    @InjectModel(ITEM_VERSION_MODEL) private readonly versions: Model<ItemVersion>,
    @InjectModel(CENTRE_MODEL) private readonly centres: Model<CentreDoc>,
    private readonly outbox: Outbox,
    @Inject(SEED_ENABLED) private readonly enabled: boolean,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.enabled) return;
    await this.seedIfEmpty();
    await this.refreshCentres();
  }

  /**
   * The seed is where centres are kept until they have an editor: a store seeded before locations, holiday hours and
   * room ids were added gets them at the next start. Ten writes, each only where the stored centre differs.
   */
  async refreshCentres(): Promise<void> {
    const codes = seedItems.map((item) => item.code);
    let changed = 0;
    for (const input of seedCentres) {
      const { id, ...centre } = centreContract.parse(input);
      const wanted = { ...centre, itemCodes: itemCodesFor(input, codes) };
      const stored = await this.centres.findById(id).lean<CentreDoc>();
      if (stored && isDeepStrictEqual({ ...stored, _id: undefined }, { ...wanted, _id: undefined })) continue;
      await this.centres.replaceOne({ _id: id }, { _id: id, ...wanted }, { upsert: true });
      changed++;
    }
    if (changed > 0) this.logger.log({ changed }, 'centres refreshed from the seed');
  }

  async seedIfEmpty(): Promise<void> {
    const seededBefore = await this.versions.countDocuments({ publishedBy: SEEDED_BY });
    const items = await this.items.estimatedDocumentCount();
    if (items >= seedItems.length) return;
    if (items > 0 && seededBefore === 0) {
      // say so: a developer whose store predates the seed otherwise wonders where the 108 items are
      this.logger.log({ items }, 'the store has items of its own; the seed is left out');
      return;
    }
    if (seededBefore > 0) {
      // an earlier start died while seeding: nobody has used the catalogue yet, so start the seed over
      this.logger.warn({ items, seededBefore }, 'incomplete seed found; seeding again');
      await Promise.all([
        this.items.deleteMany({}),
        this.versions.deleteMany({}),
        this.centres.deleteMany({}),
      ]);
    }
    const started = Date.now();
    const now = new Date();
    const contents = seedItems.map((input) => publishableItemSchema.parse(itemContentSchema.parse(input)));
    const codes = contents.map((c) => c.code);

    await this.centres.insertMany(
      seedCentres.map((input) => {
        const { id, ...centre } = centreContract.parse(input);
        return { _id: id, ...centre, itemCodes: itemCodesFor(input, codes) };
      }),
    );
    await this.versions.insertMany(
      contents.map((content) => ({
        _id: versionId(content.code, 1),
        code: content.code,
        version: 1,
        content,
        publishedAt: now,
        publishedBy: SEEDED_BY,
      })),
    );
    for (const content of contents) {
      await this.outbox.create(
        this.items,
        {
          _id: content.code,
          draft: content,
          revision: 1,
          publishedVersion: 1,
          dirty: false,
          createdAt: now,
          updatedAt: now,
        },
        [
          {
            type: 'catalogue.item.published',
            data: { code: content.code, version: 1, publishedAt: now.toISOString(), content },
          },
        ],
      );
    }
    this.logger.log(
      { items: contents.length, centres: seedCentres.length, ms: Date.now() - started },
      'seeded',
    );
  }
}
