import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type BalanceView, type ReconciliationView, starLevelOf } from '@psc/contracts/volunteer';
import { Outbox } from '@psc/messaging';
import { APP_CONFIG, CLOCK, type Clock, logFailure, repeat, type Repeating } from '@psc/server-kit';
import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import { Gauge } from 'prom-client';
import type { VolunteerConfig } from '../config';
import { type Balance, BALANCE_MODEL } from './balance.model';
import { addToSums } from './ledger';
import { LEDGER_ENTRY_MODEL, type LedgerEntry } from './ledger-entry.model';
import { mismatches, persistent } from './reconciliation';
import { type Mismatch, type Reconciliation, RECONCILIATION_MODEL } from './reconciliation.model';
import { StarsService } from './stars.service';

const mismatchGauge = new Gauge({
  name: 'volunteer_ledger_mismatches',
  help: 'balances that were not the sum of their ledger entries at the last reconciliation',
});

// long enough for an entry's event to reach the balances through the relay and the consumer
const SETTLE_MS = 3000;

const view = (r: Reconciliation): ReconciliationView => ({
  runId: r._id,
  at: r.at.toISOString(),
  entries: r.entries,
  counters: r.counters,
  ok: r.ok,
  mismatches: r.mismatches,
});

/**
 * Proves that every balance equals the sum of its entries: recomputes them all from the ledger and compares. A
 * difference that is still there after the in-flight events had time to land is an alarm: an error log, the
 * `volunteer_ledger_mismatches` gauge and `volunteer.hours.reconciliation-failed`. It reads everything, so it runs
 * in the background (RECONCILE_SECONDS), never on a request path other than the administrator's "run now".
 */
@Injectable()
export class ReconciliationService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReconciliationService.name);
  private loop?: Repeating;

  constructor(
    @InjectModel(LEDGER_ENTRY_MODEL) private readonly entries: Model<LedgerEntry>,
    @InjectModel(BALANCE_MODEL) private readonly balances: Model<Balance>,
    @InjectModel(RECONCILIATION_MODEL) private readonly runs: Model<Reconciliation>,
    private readonly stars: StarsService,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: VolunteerConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = repeat(
      this.config.RECONCILE_SECONDS * 1000,
      () => this.run(),
      (error) => logFailure(this.logger, error, 'reconciliation failed to run; next run retries'),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.loop?.stop();
  }

  async run(settleMs = SETTLE_MS): Promise<ReconciliationView> {
    const first = await this.compare();
    let found: Mismatch[] = [];
    let last = first;
    if (first.found.length > 0) {
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      last = await this.compare();
      found = persistent(first.found, last.found);
    }
    const run: Reconciliation = {
      _id: randomUUID(),
      at: this.clock(),
      entries: last.entries,
      counters: last.counters.size,
      ok: found.length === 0,
      mismatches: found,
    };
    mismatchGauge.set(found.length);
    if (found.length > 0) {
      this.logger.error({ runId: run._id, mismatches: found.slice(0, 20) }, 'ledger balances do not add up');
    }
    await this.outbox.create(
      this.runs,
      run,
      found.length > 0
        ? [
            {
              type: 'volunteer.hours.reconciliation-failed',
              data: { runId: run._id, mismatches: found, at: run.at.toISOString() },
            },
          ]
        : [],
    );
    // a star the crash of a replica left unraised is raised here
    for (const [key, { creditMinutes }] of last.counters) {
      const volunteer = /^v\|([^|]+)$/.exec(key)?.[1];
      if (volunteer && starLevelOf(creditMinutes) > 0) await this.stars.check(volunteer, creditMinutes);
    }
    return view(run);
  }

  async latest(): Promise<ReconciliationView | null> {
    const [run] = await this.runs.find().sort({ at: -1 }).limit(1).lean<Reconciliation[]>();
    return run ? view(run) : null;
  }

  private async compare() {
    // streamed: a million entries are summed without being held
    const sums = new Map<string, BalanceView>();
    let entries = 0;
    const projection = { volunteerId: 1, kind: 1, minutes: 1, centreId: 1, teamId: 1, servedOn: 1 };
    for await (const entry of this.entries.collection.find<LedgerEntry>({}, { projection })) {
      addToSums(sums, entry);
      entries += 1;
    }
    const counters = new Map<string, BalanceView>();
    const fields = { creditMinutes: 1, honourMinutes: 1, entries: 1 };
    for await (const b of this.balances.collection.find<Balance>({}, { projection: fields })) {
      counters.set(b._id, {
        creditMinutes: b.creditMinutes ?? 0,
        honourMinutes: b.honourMinutes ?? 0,
        entries: b.entries ?? 0,
      });
    }
    return { entries, counters, found: mismatches(sums, counters) };
  }
}
