import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Principal } from '@psc/auth';
import type { SignupView } from '@psc/contracts/volunteer';
import { Outbox } from '@psc/messaging';
import { isDuplicateKey } from '@psc/persistence';
import { AppError, CLOCK, type Clock } from '@psc/server-kit';
import type { Model } from 'mongoose';
import { assertOrganiser } from '../shared/access';
import type { Volunteer } from '../volunteers/volunteer.model';
import { VolunteersService } from '../volunteers/volunteers.service';
import { type Activity, ACTIVITY_MODEL } from './activity.model';
import { signupView, waitingOrder } from './activity-rules';
import { ActivitiesService } from './activities.service';
import { type Signup, signupId, SIGNUP_MODEL } from './signup.model';

/** Sign-ups: a place while there is one, else the waiting list; a cancellation hands the place to the first waiting. */
@Injectable()
export class SignupsService {
  constructor(
    @InjectModel(SIGNUP_MODEL) private readonly signups: Model<Signup>,
    @InjectModel(ACTIVITY_MODEL) private readonly activityModel: Model<Activity>,
    private readonly activities: ActivitiesService,
    private readonly volunteers: VolunteersService,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  find(activityId: string, volunteerId: string): Promise<Signup | null> {
    return this.signups.findById(signupId(activityId, volunteerId)).lean<Signup>();
  }

  async join(activityId: string, principal: Principal): Promise<SignupView> {
    const volunteer = await this.volunteers.self(principal);
    const signup = await this.signUp(await this.activities.load(activityId), volunteer);
    return this.viewOf(signup);
  }

  /** Takes a place if one is left (a conditional increment, so two cannot take the last one), else queues. */
  async signUp(activity: Activity, volunteer: Volunteer): Promise<Signup> {
    const now = this.clock();
    if (now >= activity.endsAt || activity.approved) throw new AppError('VOLUNTEER.ACTIVITY_CLOSED');
    const before = await this.find(activity._id, volunteer._id);
    if (before && before.state !== 'cancelled') throw new AppError('VOLUNTEER.ALREADY_SIGNED_UP');
    // the driver's own call: mongoose would project away the hidden outbox fields, which FerretDB refuses here
    const placed = await this.activityModel.collection.findOneAndUpdate(
      { _id: activity._id, confirmed: { $lt: activity.capacity } } as never,
      { $inc: { confirmed: 1 } },
    );
    const state: Signup['state'] = placed ? 'confirmed' : 'waiting';
    if (!placed) await this.activityModel.updateOne({ _id: activity._id }, { $inc: { waiting: 1 } });
    const signup: Signup = {
      _id: signupId(activity._id, volunteer._id),
      activityId: activity._id,
      volunteerId: volunteer._id,
      maskedName: volunteer.maskedName,
      state,
      queuedAt: now,
      attendance: 'signed_up',
      checkedInAt: null,
      checkedOutAt: null,
      closedBy: null,
      closeReason: null,
      minutes: null,
    };
    const event = {
      type: 'volunteer.activity.signup-changed' as const,
      data: {
        activityId: activity._id,
        volunteerId: volunteer._id,
        state,
        promoted: null,
        at: now.toISOString(),
      },
    };
    try {
      if (before) {
        const { _id, ...fresh } = signup;
        const rejoined = await this.outbox.update(
          this.signups,
          { _id, state: 'cancelled' },
          { $set: fresh },
          [event],
        );
        if (!rejoined) throw new AppError('VOLUNTEER.ALREADY_SIGNED_UP');
      } else {
        await this.outbox.create(this.signups, signup, [event]);
      }
    } catch (error) {
      // the same volunteer twice at once: give back what the second attempt took
      await this.activityModel.updateOne({ _id: activity._id }, { $inc: { [state]: -1 } });
      if (isDuplicateKey(error)) throw new AppError('VOLUNTEER.ALREADY_SIGNED_UP');
      throw error;
    }
    return signup;
  }

  /** Leaving before checking in; a freed place goes to the first on the waiting list. */
  async cancel(activityId: string, principal: Principal): Promise<SignupView> {
    const volunteer = await this.volunteers.self(principal);
    const current = await this.find(activityId, volunteer._id);
    if (!current || current.state === 'cancelled') throw new AppError('VOLUNTEER.NOT_SIGNED_UP');
    if (current.attendance !== 'signed_up')
      throw new AppError('VOLUNTEER.ATTENDANCE_STATE', '已签到，不能取消报名');
    const now = this.clock();
    const promoted = current.state === 'confirmed' ? await this.promoteNext(activityId, now) : null;
    const cancelled = await this.outbox.update(
      this.signups,
      { _id: current._id, state: current.state, attendance: 'signed_up' },
      { $set: { state: 'cancelled' } },
      [
        {
          type: 'volunteer.activity.signup-changed',
          data: {
            activityId,
            volunteerId: volunteer._id,
            state: 'cancelled',
            promoted,
            at: now.toISOString(),
          },
        },
      ],
    );
    if (!cancelled) throw new AppError('VOLUNTEER.ATTENDANCE_STATE');
    // the promoted volunteer keeps the place: only the list they left gets shorter
    const left = current.state === 'confirmed' && !promoted ? 'confirmed' : 'waiting';
    await this.activityModel.updateOne({ _id: activityId }, { $inc: { [left]: -1 } });
    return signupView(cancelled);
  }

  private async promoteNext(activityId: string, now: Date): Promise<string | null> {
    const queue = waitingOrder(await this.signups.find({ activityId }).lean<Signup[]>());
    for (const next of queue) {
      const moved = await this.outbox.update(
        this.signups,
        { _id: next._id, state: 'waiting' },
        { $set: { state: 'confirmed' } },
        [
          {
            type: 'volunteer.activity.signup-changed',
            data: {
              activityId,
              volunteerId: next.volunteerId,
              state: 'confirmed',
              promoted: null,
              at: now.toISOString(),
            },
          },
        ],
      );
      if (moved) return next.volunteerId;
    }
    return null;
  }

  async mine(activityId: string, principal: Principal): Promise<SignupView> {
    const volunteer = await this.volunteers.self(principal);
    const found = await this.find(activityId, volunteer._id);
    if (!found) throw new AppError('VOLUNTEER.NOT_SIGNED_UP');
    return this.viewOf(found);
  }

  async ofActivity(activityId: string, principal: Principal): Promise<SignupView[]> {
    assertOrganiser(principal, await this.activities.load(activityId));
    const all = await this.signups.find({ activityId }).lean<Signup[]>();
    const queue = waitingOrder(all);
    return all.map((s) => signupView(s, queue.indexOf(s) + 1 || null));
  }

  private async viewOf(signup: Signup): Promise<SignupView> {
    if (signup.state !== 'waiting') return signupView(signup);
    const queue = waitingOrder(await this.signups.find({ activityId: signup.activityId }).lean<Signup[]>());
    return signupView(signup, queue.findIndex((s) => s._id === signup._id) + 1);
  }
}
