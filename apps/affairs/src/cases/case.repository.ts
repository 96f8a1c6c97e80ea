import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { EventData } from '@psc/contracts';
import type { CaseListQuery, CaseState } from '@psc/contracts/affairs';
import { Outbox } from '@psc/messaging';
import { isDuplicateKey } from '@psc/persistence';
import { AppError } from '@psc/server-kit';
import type { Model } from 'mongoose';
import { type Case, CASE_MODEL } from './case.model';
import { ALERTING, LIST_LIMIT, listed, newest, onlyLive, weekWaves } from './case-keys';
import { afterStep, caseChanged, type CaseStep } from './case-steps';

/** The cases as stored: reads, and each change written together with its events through the outbox. */
@Injectable()
export class CaseRepository {
  constructor(
    @InjectModel(CASE_MODEL) private readonly cases: Model<Case>,
    private readonly outbox: Outbox,
  ) {}

  find(caseNo: string): Promise<Case | null> {
    return this.cases.findById(caseNo).lean<Case>();
  }

  async load(caseNo: string): Promise<Case> {
    const found = await this.find(caseNo);
    if (!found) throw new AppError('AFFAIRS.CASE_NOT_FOUND', `没有找到编号为 ${caseNo} 的办件`);
    return found;
  }

  /**
   * Stores a new case. The same idempotency key answers with the case it first created, so a double tap or a
   * retried request opens one case: the unique index on the key refuses the second insert. It is not looked up
   * first, because a lookup by anything but _id scans the collection on this store; a repeat costs a case number.
   */
  async open(doc: Case, opened: EventData<'affairs.case.opened'>): Promise<Case> {
    try {
      await this.outbox.create(this.cases, doc, [{ type: 'affairs.case.opened', data: opened }]);
      return doc;
    } catch (error) {
      // the same submission racing itself: the first insert won, answer with its case
      const winner = isDuplicateKey(error)
        ? await this.cases.findOne({ idempotencyKey: doc.idempotencyKey }).lean<Case>()
        : null;
      if (winner) return winner;
      throw error;
    }
  }

  /**
   * Writes one step: the changes, the history entry and the events together, on the revision it was decided
   * against; a step taken by someone else in between wins and this one is refused, naming that step.
   */
  async record(current: Case, step: CaseStep): Promise<Case> {
    const next = afterStep(current, step);
    const moved = await this.outbox.update(
      this.cases,
      { _id: current._id, revision: current.revision },
      { $set: { ...step.set, live: next.live }, $inc: { revision: 1 }, $push: { history: step.entry } },
      step.events,
    );
    if (!moved) throw caseChanged(await this.load(current._id));
    return next;
  }

  /** A resident's own cases, newest first (the store reads all of that one resident's to sort them). */
  ofResident(residentId: string): Promise<Case[]> {
    return this.cases.find({ residentId }).sort({ openedAt: -1 }).limit(50).lean<Case[]>();
  }

  /**
   * One centre's newest cases as the workbench filters them: every live one, and finished ones of the last
   * LIST_WEEKS weeks, read a few weeks at a time until LIST_LIMIT are found. Every read is by an indexed key
   * (case-keys.ts); the state is pushed down with it, the assignee filtered here.
   */
  async ofCentre(
    query: Pick<CaseListQuery, 'centreId' | 'state' | 'sla' | 'assignee'>,
    now: Date,
  ): Promise<Case[]> {
    const state = query.state ? { state: query.state } : {};
    const wanted = listed(query);
    const found = (await this.live(query.centreId, state)).filter(wanted);
    if (onlyLive(query)) return newest(found);
    let recent = 0;
    for (const wave of weekWaves(query.centreId, now)) {
      const weeks = await Promise.all(
        wave.map((centreWeek) => this.cases.find({ centreWeek, ...state }).lean<Case[]>()),
      );
      const kept = weeks.flat().filter(wanted);
      found.push(...kept);
      recent += kept.length;
      // older weeks hold only cases older than these; the live ones among them are in already
      if (recent >= LIST_LIMIT) break;
    }
    return newest(found);
  }

  /** A centre's cases whose time limits still run: the ones alerts can stand for. */
  async running(centreId: string): Promise<Case[]> {
    return (await this.live(centreId)).filter((c) => ALERTING.includes(c.state));
  }

  private live(centreId: string, also: { state?: CaseState } = {}): Promise<Case[]> {
    return this.cases.find({ centreId, live: true, ...also }).lean<Case[]>();
  }
}
