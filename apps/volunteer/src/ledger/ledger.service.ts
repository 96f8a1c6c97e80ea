import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Outbox } from '@psc/messaging';
import { isDuplicateKey } from '@psc/persistence';
import { AppError } from '@psc/server-kit';
import type { Model } from 'mongoose';
import { POSTING_MODEL, type Posting } from './balance.model';
import { entryEvent, reversalOf } from './ledger';
import { LEDGER_ENTRY_MODEL, type LedgerEntry } from './ledger-entry.model';

/**
 * Writes the append-only hours ledger. An entry and its event are one insert (no multi-document transactions on
 * this store); the balances follow from the event through the `volunteer.hours` consumer.
 */
@Injectable()
export class LedgerService {
  constructor(
    @InjectModel(LEDGER_ENTRY_MODEL) private readonly entries: Model<LedgerEntry>,
    @InjectModel(POSTING_MODEL) private readonly postings: Model<Posting>,
    private readonly outbox: Outbox,
  ) {}

  find(entryId: string): Promise<LedgerEntry | null> {
    return this.entries.findById(entryId).lean<LedgerEntry>();
  }

  async load(entryId: string): Promise<LedgerEntry> {
    const found = await this.find(entryId);
    if (!found) throw new AppError('VOLUNTEER.ENTRY_NOT_FOUND');
    return found;
  }

  /** Appends `entry` unless its key is there already: `created` false is a replay, credited before. */
  async post(entry: LedgerEntry): Promise<{ entry: LedgerEntry; created: boolean }> {
    try {
      await this.outbox.create(this.entries, entry, [entryEvent(entry)]);
      return { entry, created: true };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return { entry: await this.load(entry._id), created: false };
    }
  }

  /**
   * Cancels an entry with one of its own. Only once (the reversal's key is the original's), and only once the
   * balances hold the original, so that no total ever goes below zero on the way.
   */
  async reverse(original: LedgerEntry, approvedBy: string, reason: string, at: Date): Promise<LedgerEntry> {
    if (original.reverses) throw new AppError('VOLUNTEER.ENTRY_ALREADY_REVERSED', '冲正记录本身不能再冲正');
    if (!(await this.postings.findById(original._id).lean()))
      throw new AppError('VOLUNTEER.ENTRY_NOT_POSTED');
    const { entry, created } = await this.post(reversalOf(original, approvedBy, reason, at));
    if (!created) throw new AppError('VOLUNTEER.ENTRY_ALREADY_REVERSED');
    return entry;
  }

  /** A correction: the reversal of what was recorded, then the right minutes as a new entry (none if zero). */
  async correct(
    original: LedgerEntry,
    correction: { requestId: string; minutes: number; approvedBy: string; reason: string; at: Date },
  ): Promise<LedgerEntry | null> {
    await this.reverse(original, correction.approvedBy, correction.reason, correction.at);
    if (correction.minutes === 0) return null;
    const { entry } = await this.post({
      ...original,
      _id: `cor:${correction.requestId}`,
      minutes: correction.minutes,
      source: 'correction',
      sourceRef: correction.requestId,
      approvedBy: correction.approvedBy,
      reason: correction.reason,
      reverses: null,
      at: correction.at,
    });
    return entry;
  }

  /** A volunteer's entries, oldest first (an index read on volunteerId). */
  async of(volunteerId: string): Promise<LedgerEntry[]> {
    const found = await this.entries.find({ volunteerId }).lean<LedgerEntry[]>();
    return found.sort((a, b) => a.at.getTime() - b.at.getTime() || a._id.localeCompare(b._id));
  }
}
