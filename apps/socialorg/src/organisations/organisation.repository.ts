import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { OrganisationEntry } from '@psc/contracts/socialorg';
import { Outbox, type PendingEvent } from '@psc/messaging';
import { isDuplicateKey } from '@psc/persistence';
import { AppError } from '@psc/server-kit';
import type { Model } from 'mongoose';
import { type Organisation, ORGANISATION_MODEL } from './organisation.model';
import { organisationChanged } from './organisation-rules';

/** A change decided against one revision: what it sets, the entry on the record and the events it raises. */
export interface OrganisationChange {
  set: Partial<Organisation>;
  entry: OrganisationEntry;
  events: PendingEvent[];
}

/** The registry as stored: each change written with its events, on the revision it was decided against. */
@Injectable()
export class OrganisationRepository {
  constructor(
    @InjectModel(ORGANISATION_MODEL) private readonly organisations: Model<Organisation>,
    private readonly outbox: Outbox,
  ) {}

  find(orgId: string): Promise<Organisation | null> {
    return this.organisations.findById(orgId).lean<Organisation>();
  }

  async load(orgId: string): Promise<Organisation> {
    const found = await this.find(orgId);
    if (!found) throw new AppError('SOCIALORG.ORGANISATION_NOT_FOUND', `没有找到编号为 ${orgId} 的社会组织`);
    return found;
  }

  /** A second entry of the same credit code (or 备案编号) is refused by the unique index, naming the first. */
  async create(doc: Organisation, events: PendingEvent[]): Promise<Organisation> {
    try {
      await this.outbox.create(this.organisations, doc, events);
      return doc;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const first = await this.organisations.findOne({ uniqueKey: doc.uniqueKey }).lean<Organisation>();
      throw new AppError(
        'SOCIALORG.ORGANISATION_EXISTS',
        first ? `该组织已登记为“${first.name}”（编号 ${first._id}），请勿重复登记` : undefined,
        first && { orgId: first._id },
      );
    }
  }

  async record(current: Organisation, change: OrganisationChange): Promise<Organisation> {
    const saved = await this.outbox.update(
      this.organisations,
      { _id: current._id, revision: current.revision },
      { $set: change.set, $inc: { revision: 1 }, $push: { history: change.entry } },
      change.events,
    );
    if (!saved) throw organisationChanged(await this.load(current._id));
    return {
      ...current,
      ...change.set,
      revision: current.revision + 1,
      history: [...current.history, change.entry],
    };
  }

  /** The organisations of a place (street, community, district), by name; an admin page, not a hot path. */
  inPlace(scope: string): Promise<Organisation[]> {
    return this.organisations.find({ placePath: scope }).sort({ name: 1 }).limit(1000).lean<Organisation[]>();
  }
}
