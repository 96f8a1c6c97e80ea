import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Outbox } from '@psc/messaging';
import { AppError } from '@psc/server-kit';
import type { Model, UpdateQuery } from 'mongoose';
import { type Call, CALL_MODEL } from './call.model';
import type { CallChange, Raised } from './call-steps';

// a step re-decided this many times on a document others keep changing gives up and says so
const ATTEMPTS = 5;

/** A change to a document with a revision, an append-only ledger and a history (a call, a subsidy scheme). */
export type RevisionedChange<T> = Omit<CallChange, 'set'> & { set?: Partial<T> };

/**
 * Decides a change from the document as stored and writes it on that revision, with its events. When someone
 * else's write got in between, the change is decided again from the newer document, so every rule (the budget
 * above all) is checked against what is really there; `decide` returning null means nothing is left to write.
 */
export async function changeOnRevision<T extends { _id: string; revision: number }>(
  outbox: Outbox,
  model: Model<T>,
  load: () => Promise<T>,
  decide: (current: T) => RevisionedChange<T> | null,
  changed: () => AppError,
): Promise<T> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await load();
    const change = decide(current);
    if (!change) return current;
    const update: UpdateQuery<T> = { $inc: { revision: 1 } };
    if (change.set) update.$set = change.set;
    const push: Record<string, { $each: unknown[] }> = {};
    if (change.ledger?.length) push.ledger = { $each: change.ledger };
    if (change.history?.length) push.history = { $each: change.history };
    if (Object.keys(push).length > 0) update.$push = push;
    const written = await outbox.update(
      model,
      { _id: current._id, revision: current.revision },
      update,
      change.events,
    );
    if (written) return written;
  }
  throw changed();
}

/** The calls as stored: reads, and each change written together with its events through the outbox. */
@Injectable()
export class CallRepository {
  constructor(
    @InjectModel(CALL_MODEL) private readonly calls: Model<Call>,
    private readonly outbox: Outbox,
  ) {}

  find(callId: string): Promise<Call | null> {
    return this.calls.findById(callId).lean<Call>();
  }

  async load(callId: string): Promise<Call> {
    const found = await this.find(callId);
    if (!found) throw new AppError('SOCIALORG.CALL_NOT_FOUND', `没有找到编号为 ${callId} 的申报指南`);
    return found;
  }

  async create(call: Call, events: Raised[]): Promise<Call> {
    await this.outbox.create(this.calls, call, events);
    return call;
  }

  /** Every call, or those in one state (an index read); calls are few, so the caller filters the rest in memory. */
  list(state?: Call['state']): Promise<Call[]> {
    return this.calls
      .find(state ? { state } : {})
      .limit(1000)
      .lean<Call[]>();
  }

  /** Decides a change from the call as stored and writes it on that revision (see changeOnRevision). */
  change(callId: string, decide: (call: Call) => CallChange | null): Promise<Call> {
    return changeOnRevision(
      this.outbox,
      this.calls,
      () => this.load(callId),
      decide,
      () => new AppError('SOCIALORG.CALL_CHANGED'),
    );
  }
}
