import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { EventData } from '@psc/contracts';
import type { CaseListQuery } from '@psc/contracts/affairs';
import { Outbox } from '@psc/messaging';
import { isDuplicateKey } from '@psc/persistence';
import { AppError } from '@psc/server-kit';
import type { Model } from 'mongoose';
import { type Case, CASE_MODEL } from './case.model';
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
    const moved = await this.outbox.update(
      this.cases,
      { _id: current._id, revision: current.revision },
      { $set: step.set, $inc: { revision: 1 }, $push: { history: step.entry } },
      step.events,
    );
    if (!moved) throw caseChanged(await this.load(current._id));
    return afterStep(current, step);
  }

  /** A resident's own cases, newest first. */
  ofResident(residentId: string): Promise<Case[]> {
    return this.cases.find({ residentId }).sort({ openedAt: -1 }).limit(50).lean<Case[]>();
  }

  /** One centre's latest cases, as the workbench filters them. */
  ofCentre(query: Pick<CaseListQuery, 'centreId' | 'state' | 'assignee'>): Promise<Case[]> {
    const filter: Record<string, unknown> = { centreId: query.centreId };
    if (query.state) filter.state = query.state;
    if (query.assignee) filter['assignee.name'] = query.assignee;
    return this.cases.find(filter).sort({ openedAt: -1 }).limit(500).lean<Case[]>();
  }

  /** A centre's cases whose time limits still run: the ones alerts can stand for. */
  running(centreId: string): Promise<Case[]> {
    return this.cases.find({ centreId, state: { $in: ['accepted', 'assigned', 'rated'] } }).lean<Case[]>();
  }
}
