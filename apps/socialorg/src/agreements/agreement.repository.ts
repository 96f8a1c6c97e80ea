import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Outbox } from '@psc/messaging';
import { isDuplicateKey } from '@psc/persistence';
import { AppError } from '@psc/server-kit';
import type { Model } from 'mongoose';
import type { Raised } from '../calls/call-steps';
import { type Agreement, AGREEMENT_MODEL } from './agreement.model';
import type { AgreementChange } from './agreement-terms';

@Injectable()
export class AgreementRepository {
  constructor(
    @InjectModel(AGREEMENT_MODEL) private readonly agreements: Model<Agreement>,
    private readonly outbox: Outbox,
  ) {}

  find(agreementId: string): Promise<Agreement | null> {
    return this.agreements.findById(agreementId).lean<Agreement>();
  }

  async load(agreementId: string): Promise<Agreement> {
    const found = await this.find(agreementId);
    if (!found)
      throw new AppError('SOCIALORG.AGREEMENT_NOT_FOUND', `没有找到编号为 ${agreementId} 的项目协议`);
    return found;
  }

  /** Stores a signed agreement; the same signing retried finds the agreement it made the first time. */
  async create(agreement: Agreement, events: Raised[]): Promise<Agreement> {
    try {
      await this.outbox.create(this.agreements, agreement, events);
      return agreement;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return this.load(agreement._id);
    }
  }

  async record(current: Agreement, change: AgreementChange): Promise<Agreement> {
    const written = await this.outbox.update(
      this.agreements,
      { _id: current._id, revision: current.revision },
      { $set: change.set, $inc: { revision: 1 }, $push: { history: { $each: change.history } } },
      change.events,
    );
    if (!written) throw new AppError('SOCIALORG.AGREEMENT_CHANGED');
    return written;
  }

  ofCall(callId: string): Promise<Agreement[]> {
    return this.agreements.find({ callId }).lean<Agreement[]>();
  }

  ofOrganisation(orgId: string): Promise<Agreement[]> {
    return this.agreements.find({ orgId }).lean<Agreement[]>();
  }
}
