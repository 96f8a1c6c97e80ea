import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Outbox } from '@psc/messaging';
import { isDuplicateKey } from '@psc/persistence';
import { AppError } from '@psc/server-kit';
import type { Model } from 'mongoose';
import { type Incubation, INCUBATION_MODEL } from './incubation.model';
import { incubationChanged, type IncubationStep } from './incubation-steps';

/** The incubations as stored: each step written with its events, on the revision it was decided against. */
@Injectable()
export class IncubationRepository {
  constructor(
    @InjectModel(INCUBATION_MODEL) private readonly incubations: Model<Incubation>,
    private readonly outbox: Outbox,
  ) {}

  find(incubationId: string): Promise<Incubation | null> {
    return this.incubations.findById(incubationId).lean<Incubation>();
  }

  async load(incubationId: string): Promise<Incubation> {
    const found = await this.find(incubationId);
    if (!found)
      throw new AppError('SOCIALORG.INCUBATION_NOT_FOUND', `没有找到编号为 ${incubationId} 的入驻申请`);
    return found;
  }

  /** The unique index on `activeKey` refuses a second active stay of the organisation, naming the first. */
  async open(doc: Incubation, step: Pick<IncubationStep, 'events'>): Promise<Incubation> {
    try {
      await this.outbox.create(this.incubations, doc, step.events);
      return doc;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const active = await this.incubations.findOne({ activeKey: doc.activeKey }).lean<Incubation>();
      throw new AppError(
        'SOCIALORG.INCUBATION_ACTIVE',
        undefined,
        active && { incubationId: active._id, state: active.state },
      );
    }
  }

  async record(current: Incubation, step: IncubationStep): Promise<Incubation> {
    const saved = await this.outbox.update(
      this.incubations,
      { _id: current._id, revision: current.revision },
      { $set: step.set, $inc: { revision: 1 }, $push: { history: step.entry } },
      step.events,
    );
    if (!saved) throw incubationChanged(await this.load(current._id));
    return {
      ...current,
      ...step.set,
      revision: current.revision + 1,
      history: [...current.history, step.entry],
    };
  }

  /** A base's applications and stays (street, community or wider); the review board, not a hot path. */
  inPlace(scope: string): Promise<Incubation[]> {
    return this.incubations
      .find({ placePath: scope })
      .sort({ appliedAt: -1 })
      .limit(500)
      .lean<Incubation[]>();
  }

  ofOrganisation(orgId: string): Promise<Incubation[]> {
    return this.incubations.find({ orgId }).sort({ appliedAt: -1 }).limit(50).lean<Incubation[]>();
  }
}
