import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Outbox, type PendingEvent } from '@psc/messaging';
import { isDuplicateKey } from '@psc/persistence';
import { AppError } from '@psc/server-kit';
import type { Model } from 'mongoose';
import {
  type Need,
  NEED_MODEL,
  type Project,
  PROJECT_MODEL,
  type Resource,
  RESOURCE_MODEL,
} from './list.model';
import { needChanged, type NeedStep } from './need-steps';

// a board shows a street's lists; past this many of a kind it is a report, not a board
const BOARD_LIMIT = 1000;

/** The three lists as stored, each entry written with its events. */
@Injectable()
export class ListsRepository {
  constructor(
    @InjectModel(NEED_MODEL) private readonly needs: Model<Need>,
    @InjectModel(RESOURCE_MODEL) private readonly resources: Model<Resource>,
    @InjectModel(PROJECT_MODEL) private readonly projects: Model<Project>,
    private readonly outbox: Outbox,
  ) {}

  async loadNeed(needId: string): Promise<Need> {
    const need = await this.needs.findById(needId).lean<Need>();
    if (!need) throw new AppError('SOCIALORG.NEED_NOT_FOUND');
    return need;
  }

  async postNeed(need: Need, events: PendingEvent[]): Promise<Need> {
    await this.outbox.create(this.needs, need, events);
    return need;
  }

  async recordNeed(current: Need, step: NeedStep): Promise<Need> {
    const saved = await this.outbox.update(
      this.needs,
      { _id: current._id, revision: current.revision },
      { $set: step.set, $inc: { revision: 1 }, $push: { history: step.entry } },
      step.events,
    );
    if (!saved) throw needChanged(await this.loadNeed(current._id));
    return {
      ...current,
      ...step.set,
      revision: current.revision + 1,
      history: [...current.history, step.entry],
    };
  }

  /** Someone's needs still waiting (an indexed equality on who posted them, then the state in memory). */
  async openNeedsOf(posterId: string): Promise<Need[]> {
    return (await this.needs.find({ posterId }).lean<Need[]>()).filter((n) => n.state === 'open');
  }

  needsOf(posterId: string): Promise<Need[]> {
    return this.needs.find({ posterId }).sort({ postedAt: -1 }).limit(50).lean<Need[]>();
  }

  async offerResource(resource: Resource, events: PendingEvent[]): Promise<Resource> {
    await this.outbox.create(this.resources, resource, events);
    return resource;
  }

  findResource(resourceId: string): Promise<Resource | null> {
    return this.resources.findById(resourceId).lean<Resource>();
  }

  /** One listing per reference: a second one answers with the first (for a caller that repeats itself). */
  async listProject(
    project: Project,
    events: PendingEvent[],
  ): Promise<{ project: Project; created: boolean }> {
    try {
      await this.outbox.create(this.projects, project, events);
      return { project, created: true };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const first = await this.projects.findOne({ refKey: project.refKey }).lean<Project>();
      if (!first) throw error;
      return { project: first, created: false };
    }
  }

  findProject(projectId: string): Promise<Project | null> {
    return this.projects.findById(projectId).lean<Project>();
  }

  /** A place's three lists (an element match on the indexed scope path); the board, not a hot path. */
  async inPlace(scope: string): Promise<{ needs: Need[]; resources: Resource[]; projects: Project[] }> {
    const [needs, resources, projects] = await Promise.all([
      this.needs.find({ placePath: scope }).limit(BOARD_LIMIT).lean<Need[]>(),
      this.resources.find({ placePath: scope }).sort({ offeredAt: -1 }).limit(BOARD_LIMIT).lean<Resource[]>(),
      this.projects.find({ placePath: scope }).sort({ listedAt: -1 }).limit(BOARD_LIMIT).lean<Project[]>(),
    ]);
    return { needs, resources, projects };
  }
}
