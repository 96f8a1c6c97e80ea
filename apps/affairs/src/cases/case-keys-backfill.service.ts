import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { type Case, CASE_MODEL } from './case.model';
import { centreWeek, isLive } from './case-keys';

const DONE = 'case-keys';

/**
 * Gives the cases a store held before `live` and `centreWeek` existed their keys: without them a case is on no list
 * and raises no alert. Finding them reads every case, so it is done once per store and recorded in `migrations`;
 * later starts cost one point read. Replicas starting together both look, and the writes are idempotent.
 */
@Injectable()
export class CaseKeysBackfillService implements OnApplicationBootstrap {
  private readonly logger = new Logger(CaseKeysBackfillService.name);

  constructor(@InjectModel(CASE_MODEL) private readonly cases: Model<Case>) {}

  async onApplicationBootstrap(): Promise<void> {
    const migrations = this.cases.db.collection<{ _id: string; at: Date }>('migrations');
    if (await migrations.findOne({ _id: DONE })) return;
    const keyless = await this.cases.find({ live: { $exists: false } }).lean<Case[]>();
    for (const found of keyless)
      await this.cases.updateOne(
        { _id: found._id, live: { $exists: false } },
        { $set: { live: isLive(found), centreWeek: centreWeek(found.centreId, new Date(found.openedAt)) } },
      );
    await migrations.updateOne({ _id: DONE }, { $set: { at: new Date() } }, { upsert: true });
    if (keyless.length > 0) this.logger.log({ cases: keyless.length }, 'cases given their list keys');
  }
}
