import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  Optional,
} from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  MAX_MISS_TEXTS_PER_DAY,
  MISS_RETENTION_DAYS,
  type SearchMissesResponse,
} from '@psc/contracts/catalogue';
import { shanghaiDay } from '@psc/util';
import type { Model } from 'mongoose';
import { normalise } from '../search/search-index';
import { CatalogueCacheService } from '../view/catalogue-cache.service';
import { SEARCH_MISS_MODEL, type SearchMissDay } from './search-miss.model';

const FLUSH_MS = 5000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** Six digits or more may be an ID or phone number someone typed: such a text is never kept. */
const LOOKS_PERSONAL = /[0-9x]{6,}/;

/** Optional provider of the clock, for specs; the wall clock otherwise. */
export const MISSES_CLOCK = Symbol('MISSES_CLOCK');

/**
 * Counts the searches kiosks found nothing for, per normalised text and Shanghai day, in memory first and written
 * every few seconds (one `$inc` per day), so a burst of reports costs the store one write. A text is counted only if
 * it still finds nothing now: a report cannot inflate a text that has an answer.
 */
@Injectable()
export class SearchMissesService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SearchMissesService.name);
  /** day → text → reports not written yet */
  private readonly pending = new Map<string, Map<string, number>>();
  private flusher?: NodeJS.Timeout;

  constructor(
    @InjectModel(SEARCH_MISS_MODEL) private readonly days: Model<SearchMissDay>,
    private readonly cache: CatalogueCacheService,
    @Optional() @Inject(MISSES_CLOCK) private readonly now: () => Date = () => new Date(),
  ) {}

  onApplicationBootstrap(): void {
    this.flusher = setInterval(() => void this.flush(), FLUSH_MS);
    this.flusher.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.flusher);
    await this.flush();
  }

  /** True when the text was counted; false when it finds something, looks personal or is empty once normalised. */
  report(query: string): boolean {
    const text = normalise(query);
    if (!text || LOOKS_PERSONAL.test(text)) return false;
    if (this.cache.view.search(query, undefined, 1).match !== 'none') return false;
    const day = shanghaiDay(this.now());
    const texts = this.pending.get(day) ?? new Map<string, number>();
    texts.set(text, (texts.get(text) ?? 0) + 1);
    this.pending.set(day, texts);
    return true;
  }

  /** Writes what was counted; a day already holding the most texts kept takes new ones as overflow only. */
  async flush(): Promise<void> {
    const pending = [...this.pending];
    this.pending.clear();
    for (const [day, texts] of pending) {
      try {
        const stored = await this.days.findById(day).lean<SearchMissDay>();
        let distinct = Object.keys(stored?.counts ?? {}).length;
        const inc: Record<string, number> = {};
        let overflow = 0;
        for (const [text, n] of texts) {
          if (stored?.counts[text] === undefined) {
            if (distinct >= MAX_MISS_TEXTS_PER_DAY) {
              overflow += n;
              continue;
            }
            distinct++;
          }
          inc[`counts.${text}`] = n;
        }
        if (overflow > 0) inc.overflow = overflow;
        await this.days.updateOne({ _id: day }, { $inc: inc }, { upsert: true });
      } catch (error) {
        // counts are a hint for staff: keep them for the next round rather than lose them
        const kept = this.pending.get(day) ?? new Map<string, number>();
        for (const [text, n] of texts) kept.set(text, (kept.get(text) ?? 0) + n);
        this.pending.set(day, kept);
        this.logger.warn({ err: error }, 'saving search misses failed; will retry');
      }
    }
    if (pending.length > 0) await this.forgetOld();
  }

  /** The texts of the last `days` days (today included), most reported first, each with what it finds now. */
  async list(days: number): Promise<SearchMissesResponse> {
    const today = this.now();
    const dates = Array.from({ length: days }, (_, i) => shanghaiDay(new Date(today.getTime() - i * DAY_MS)));
    // one point read per day: the collection holds at most MISS_RETENTION_DAYS small documents
    const stored = await Promise.all(dates.map((d) => this.days.findById(d).lean<SearchMissDay>()));
    const byText = new Map<string, { count: number; days: { date: string; count: number }[] }>();
    let overflow = 0;
    for (const doc of stored) {
      if (!doc) continue;
      overflow += doc.overflow ?? 0;
      for (const [text, count] of Object.entries(doc.counts ?? {})) {
        const entry = byText.get(text) ?? { count: 0, days: [] };
        entry.count += count;
        entry.days.push({ date: doc._id, count });
        byText.set(text, entry);
      }
    }
    const misses = [...byText]
      .sort(([a, x], [b, y]) => y.count - x.count || a.localeCompare(b))
      .slice(0, 200)
      .map(([text, { count, days: perDay }]) => {
        const found = this.cache.view.search(text, undefined, 1);
        const first = found.match === 'none' ? undefined : found.results[0];
        return {
          text,
          count,
          days: perDay,
          lastDate: perDay[0].date,
          foundNow: first ? { code: first.code, name: first.name } : null,
        };
      });
    return { from: dates[dates.length - 1], to: dates[0], misses, overflow };
  }

  private async forgetOld(): Promise<void> {
    const oldest = shanghaiDay(new Date(this.now().getTime() - MISS_RETENTION_DAYS * DAY_MS));
    // a range read, over at most a few dozen day documents, once per flush that wrote something
    await this.days.deleteMany({ _id: { $lt: oldest } });
  }
}
