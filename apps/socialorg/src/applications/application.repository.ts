import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Outbox } from '@psc/messaging';
import { isDuplicateKey } from '@psc/persistence';
import { AppError } from '@psc/server-kit';
import type { Model } from 'mongoose';
import type { Raised } from '../calls/call-steps';
import { type Application, APPLICATION_MODEL } from './application.model';
import type { ApplicationChange } from './application-steps';

/** The applications as stored: reads, and each change written with its events through the outbox. */
@Injectable()
export class ApplicationRepository {
  constructor(
    @InjectModel(APPLICATION_MODEL) private readonly applications: Model<Application>,
    private readonly outbox: Outbox,
  ) {}

  find(applicationId: string): Promise<Application | null> {
    return this.applications.findById(applicationId).lean<Application>();
  }

  async load(applicationId: string): Promise<Application> {
    const found = await this.find(applicationId);
    if (!found)
      throw new AppError('SOCIALORG.APPLICATION_NOT_FOUND', `没有找到编号为 ${applicationId} 的申报`);
    return found;
  }

  /** A second application of the same organisation to the same call meets the unique slot and is refused. */
  async create(application: Application, events: Raised[]): Promise<Application> {
    try {
      await this.outbox.create(this.applications, application, events);
      return application;
    } catch (error) {
      if (isDuplicateKey(error)) throw new AppError('SOCIALORG.ALREADY_APPLIED');
      throw error;
    }
  }

  /** Writes a change on the revision it was decided against; someone else's change in between wins. */
  async record(current: Application, change: ApplicationChange): Promise<Application> {
    const written = await this.outbox.update(
      this.applications,
      { _id: current._id, revision: current.revision },
      { $set: change.set, $inc: { revision: 1 }, $push: { history: { $each: change.history } } },
      change.events,
    );
    if (!written)
      throw new AppError('SOCIALORG.APPLICATION_CHANGED', undefined, {
        revision: (await this.load(current._id)).revision,
      });
    return written;
  }

  /** One call's applications (an index read). */
  ofCall(callId: string): Promise<Application[]> {
    return this.applications.find({ callId }).lean<Application[]>();
  }

  /** One organisation's applications (an index read). */
  ofOrganisation(orgId: string): Promise<Application[]> {
    return this.applications.find({ orgId }).lean<Application[]>();
  }
}
