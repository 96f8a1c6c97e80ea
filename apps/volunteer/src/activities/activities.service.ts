import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Principal } from '@psc/auth';
import type {
  ActivityListQuery,
  ActivityView,
  OrganiserActivityView,
  PublishActivityRequest,
} from '@psc/contracts/volunteer';
import { Outbox } from '@psc/messaging';
import { AppError, CLOCK, type Clock } from '@psc/server-kit';
import { shanghaiDay } from '@psc/util';
import { randomInt, randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import { assertOrganiser } from '../shared/access';
import { TeamsService } from '../volunteers/teams.service';
import { type Activity, ACTIVITY_MODEL } from './activity.model';
import { activityView, codeOpen, MAX_ACTIVITY_MS, organiserView } from './activity-rules';

/** Publishing activities, the public list (the kiosk's "today near this centre") and the code look-up. */
@Injectable()
export class ActivitiesService {
  constructor(
    @InjectModel(ACTIVITY_MODEL) private readonly activities: Model<Activity>,
    private readonly teams: TeamsService,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async load(activityId: string): Promise<Activity> {
    const found = await this.activities.findById(activityId).lean<Activity>();
    if (!found) throw new AppError('VOLUNTEER.ACTIVITY_NOT_FOUND');
    return found;
  }

  /** The activity whose code was typed or scanned, among those whose check-in window is open now. */
  async byCode(code: string): Promise<Activity> {
    const now = this.clock();
    const found = (await this.activities.find({ code }).lean<Activity[]>()).find((a) => codeOpen(a, now));
    if (!found) throw new AppError('VOLUNTEER.CODE_NOT_FOUND');
    return found;
  }

  async publish(body: PublishActivityRequest, principal: Principal): Promise<OrganiserActivityView> {
    const owner = { centreId: body.centreId, orgId: body.orgId ?? null };
    assertOrganiser(principal, owner);
    const startsAt = new Date(body.startsAt);
    const endsAt = new Date(body.endsAt);
    const length = endsAt.getTime() - startsAt.getTime();
    if (length <= 0 || length > MAX_ACTIVITY_MS) throw new AppError('VOLUNTEER.ACTIVITY_TIME_INVALID');
    if (body.teamId) await this.teams.load(body.teamId);
    const activity: Activity = {
      _id: randomUUID(),
      title: body.title,
      description: body.description,
      ...owner,
      organiserName: body.organiserName,
      place: body.place,
      startsAt,
      endsAt,
      capacity: body.capacity,
      skills: body.skills,
      category: body.category,
      teamId: body.teamId ?? null,
      projectId: body.projectId ?? null,
      code: await this.freeCode({ startsAt, endsAt }),
      confirmed: 0,
      waiting: 0,
      approved: false,
      publishedBy: principal.sub,
      publishedAt: this.clock(),
    };
    await this.outbox.create(this.activities, activity, [
      {
        type: 'volunteer.activity.published',
        data: {
          activityId: activity._id,
          title: activity.title,
          ...owner,
          teamId: activity.teamId,
          projectId: activity.projectId,
          category: activity.category,
          startsAt: body.startsAt,
          endsAt: body.endsAt,
          capacity: activity.capacity,
        },
      },
    ]);
    return organiserView(activity);
  }

  /** A code no other activity uses while this one's window is open, so a typed code finds one activity. */
  private async freeCode(window: Pick<Activity, 'startsAt' | 'endsAt'>): Promise<string> {
    for (;;) {
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const clashes = (await this.activities.find({ code }).lean<Activity[]>()).some(
        (a) => codeOpen(a, window.startsAt) || codeOpen(a, window.endsAt) || codeOpen(window, a.startsAt),
      );
      if (!clashes) return code;
    }
  }

  /** Activities of a centre that end on or after `from` (today): public, for the kiosk and the portal. */
  async list(query: ActivityListQuery): Promise<ActivityView[]> {
    const from = query.from ?? shanghaiDay(this.clock());
    const found = await this.activities.find({ centreId: query.centreId }).lean<Activity[]>();
    return found
      .filter((a) => shanghaiDay(a.endsAt) >= from)
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
      .map(activityView);
  }

  async view(activityId: string): Promise<ActivityView> {
    return activityView(await this.load(activityId));
  }

  async organiserView(activityId: string, principal: Principal): Promise<OrganiserActivityView> {
    const activity = await this.load(activityId);
    assertOrganiser(principal, activity);
    return organiserView(activity);
  }
}
