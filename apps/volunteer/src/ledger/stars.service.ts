import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { STAR_LEVELS, starLevelOf } from '@psc/contracts/volunteer';
import { Outbox } from '@psc/messaging';
import { isDuplicateKey } from '@psc/persistence';
import { CLOCK, type Clock, logFailure, repeat, type Repeating } from '@psc/server-kit';
import type { Model } from 'mongoose';
import {
  type Balance,
  BALANCE_MODEL,
  POSTING_MODEL,
  type Posting,
  STAR_MARK_MODEL,
  type StarMark,
} from './balance.model';

// a balance follows its entry within a batch; past this many looks the next credit or reconciliation checks instead
const MAX_LOOKS = 40;
const LOOK_EVERY_MS = 250;

/**
 * Star levels (一星 100 h … 五星 1500 h of 信用 hours). The rule: `volunteer.hours.star-raised` goes out once per
 * level and volunteer, the first time the balance reaches it; a mark per level makes that so, and a reversal
 * followed by a new credit past the same line raises nothing again. The level shown is that of the balance now.
 */
@Injectable()
export class StarsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(StarsService.name);
  private readonly pending = new Map<string, { entryId: string; looks: number }>();
  private loop?: Repeating;

  constructor(
    @InjectModel(BALANCE_MODEL) private readonly balances: Model<Balance>,
    @InjectModel(POSTING_MODEL) private readonly postings: Model<Posting>,
    @InjectModel(STAR_MARK_MODEL) private readonly marks: Model<StarMark>,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = repeat(
      LOOK_EVERY_MS,
      () => this.checkPending(),
      (error) => logFailure(this.logger, error, 'star check failed; retrying'),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.loop?.stop();
  }

  /** A credit of `volunteerId` is on its way to the balances: look at their level once it is there. */
  nudge(volunteerId: string, entryId: string): void {
    this.pending.set(volunteerId, { entryId, looks: 0 });
  }

  async checkPending(): Promise<void> {
    for (const [volunteerId, waiting] of [...this.pending]) {
      const posted = await this.postings.findById(waiting.entryId).lean();
      if (!posted && ++waiting.looks < MAX_LOOKS) continue;
      if (this.pending.get(volunteerId) === waiting) this.pending.delete(volunteerId);
      await this.check(volunteerId);
    }
  }

  /** Raises every level the balance (read, or `known`) has reached and no event was raised for yet. */
  async check(volunteerId: string, known?: number): Promise<void> {
    const creditMinutes =
      known ?? (await this.balances.findById(`v|${volunteerId}`).lean<Balance>())?.creditMinutes ?? 0;
    for (const star of STAR_LEVELS.slice(0, starLevelOf(creditMinutes))) {
      const _id = `${volunteerId}|${star.level}`;
      if (await this.marks.findById(_id).lean()) continue;
      const at = this.clock();
      try {
        await this.outbox.create(this.marks, { _id, volunteerId, level: star.level, creditMinutes, at }, [
          {
            type: 'volunteer.hours.star-raised',
            data: { volunteerId, level: star.level, name: star.name, creditMinutes, at: at.toISOString() },
          },
        ]);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
  }

  /** The highest level ever reached. */
  async highest(volunteerId: string): Promise<number> {
    const marks = await this.marks.find({ volunteerId }).lean<StarMark[]>();
    return Math.max(0, ...marks.map((m) => m.level));
  }
}
