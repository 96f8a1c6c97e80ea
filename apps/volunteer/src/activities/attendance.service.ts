import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Principal } from '@psc/auth';
import type { EventData } from '@psc/contracts';
import {
  type ApprovalResult,
  type ApproveActivityRequest,
  type CloseAttendanceRequest,
  type OrganiserAttendanceRequest,
  servedMinutes,
  type SignupView,
} from '@psc/contracts/volunteer';
import { Outbox } from '@psc/messaging';
import { AppError, CLOCK, type Clock } from '@psc/server-kit';
import { shanghaiDay } from '@psc/util';
import type { Model } from 'mongoose';
import { LedgerService } from '../ledger/ledger.service';
import { assertOrganiser } from '../shared/access';
import { VolunteersService } from '../volunteers/volunteers.service';
import { type Activity, ACTIVITY_MODEL } from './activity.model';
import { signupView } from './activity-rules';
import { ActivitiesService } from './activities.service';
import { type Attendance, type Signup, signupId, SIGNUP_MODEL } from './signup.model';
import { SignupsService } from './signups.service';

type Via = EventData<'volunteer.activity.attendance-recorded'>['via'];

/**
 * Check-in and check-out (at the kiosk by the activity's code, or by the organiser), the organiser closing what a
 * volunteer forgot, and approval, which turns each attendance into one ledger entry. Each step is a conditional
 * write on the attendance it expects, so two check-outs at once record one, and approving twice credits once.
 */
@Injectable()
export class AttendanceService {
  constructor(
    @InjectModel(SIGNUP_MODEL) private readonly signups: Model<Signup>,
    @InjectModel(ACTIVITY_MODEL) private readonly activityModel: Model<Activity>,
    private readonly activities: ActivitiesService,
    private readonly registrations: SignupsService,
    private readonly volunteers: VolunteersService,
    private readonly ledger: LedgerService,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** At the kiosk: a walk-in with a place left is signed up on the spot. */
  async kioskCheckIn(code: string, principal: Principal): Promise<SignupView> {
    const activity = await this.activities.byCode(code);
    const volunteer = await this.volunteers.self(principal);
    const signup =
      (await this.registrations.find(activity._id, volunteer._id)) ??
      (await this.registrations.signUp(activity, volunteer));
    return this.checkIn(activity, signup, this.clock(), 'kiosk', volunteer._id);
  }

  async kioskCheckOut(code: string, principal: Principal): Promise<SignupView> {
    const activity = await this.activities.byCode(code);
    const volunteer = await this.volunteers.self(principal);
    return this.checkOut(
      activity,
      await this.signupOf(activity._id, volunteer._id),
      this.clock(),
      'kiosk',
      volunteer._id,
    );
  }

  async byOrganiser(
    activityId: string,
    volunteerId: string,
    body: OrganiserAttendanceRequest,
    principal: Principal,
  ): Promise<SignupView> {
    const activity = await this.activities.load(activityId);
    assertOrganiser(principal, activity);
    const now = this.clock();
    const at = body.at ? new Date(body.at) : now;
    if (at > now) throw new AppError('COMMON.VALIDATION_FAILED', '签到、签退时间不能晚于现在');
    const signup = await this.signupOf(activityId, volunteerId);
    return body.step === 'check_in'
      ? this.checkIn(activity, signup, at, 'organiser', principal.sub)
      : this.checkOut(activity, signup, at, 'organiser', principal.sub);
  }

  /** 补签退: the organiser states when the volunteer really stopped; who and why stay on the record. */
  async close(
    activityId: string,
    volunteerId: string,
    body: CloseAttendanceRequest,
    principal: Principal,
  ): Promise<SignupView> {
    const activity = await this.activities.load(activityId);
    assertOrganiser(principal, activity);
    const signup = await this.signupOf(activityId, volunteerId);
    const endedAt = new Date(body.endedAt);
    if (!signup.checkedInAt || endedAt < signup.checkedInAt || endedAt > this.clock())
      throw new AppError('COMMON.VALIDATION_FAILED', '实际结束时间须在签到之后、现在之前');
    const minutes = servedMinutes(activity, signup.checkedInAt, endedAt);
    return this.step(signup, 'checked_in', {
      set: {
        attendance: 'checked_out',
        checkedOutAt: endedAt,
        minutes,
        closedBy: principal.sub,
        closeReason: body.reason,
      },
      event: {
        step: 'closed',
        via: 'organiser',
        by: principal.sub,
        at: endedAt,
        minutes,
        reason: body.reason,
      },
    });
  }

  /** Credits every checked-out attendance (or those listed); the entry's key makes a second approval a no-op. */
  async approve(
    activityId: string,
    body: ApproveActivityRequest,
    principal: Principal,
  ): Promise<ApprovalResult> {
    const activity = await this.activities.load(activityId);
    assertOrganiser(principal, activity);
    const wanted = body.volunteerIds ? new Set(body.volunteerIds) : null;
    const all = (await this.signups.find({ activityId }).lean<Signup[]>()).filter(
      (s) => s.state === 'confirmed' && (!wanted || wanted.has(s.volunteerId)),
    );
    const now = this.clock();
    let approved = 0;
    for (const signup of all.filter((s) => s.attendance === 'checked_out')) {
      const minutes = signup.minutes ?? 0;
      if (minutes > 0) {
        await this.ledger.post({
          _id: `att:${activityId}:${signup.volunteerId}`,
          volunteerId: signup.volunteerId,
          kind: 'credit',
          minutes,
          source: 'attendance',
          sourceRef: signup._id,
          activityId,
          activityTitle: activity.title,
          category: activity.category,
          centreId: activity.centreId,
          teamId: activity.teamId,
          projectId: activity.projectId,
          servedOn: shanghaiDay(activity.startsAt),
          approvedBy: principal.sub,
          reason: signup.closeReason,
          reverses: null,
          at: now,
        });
      }
      const done = await this.outbox.update(
        this.signups,
        { _id: signup._id, attendance: 'checked_out' },
        { $set: { attendance: 'approved' } },
        [
          this.recorded(signup, {
            step: 'approved',
            via: 'organiser',
            by: principal.sub,
            at: now,
            minutes,
            reason: null,
          }),
        ],
      );
      if (done) approved += 1;
    }
    const open = all.filter((s) => s.attendance === 'signed_up' || s.attendance === 'checked_in').length;
    if (open === 0 && !wanted)
      await this.activityModel.updateOne({ _id: activityId }, { $set: { approved: true } });
    return { approved, open };
  }

  private async signupOf(activityId: string, volunteerId: string): Promise<Signup> {
    const found = await this.signups.findById(signupId(activityId, volunteerId)).lean<Signup>();
    if (!found || found.state !== 'confirmed') throw new AppError('VOLUNTEER.NOT_SIGNED_UP');
    return found;
  }

  private checkIn(activity: Activity, signup: Signup, at: Date, via: Via, by: string): Promise<SignupView> {
    if (signup.state !== 'confirmed') throw new AppError('VOLUNTEER.NOT_SIGNED_UP');
    if (at > activity.endsAt) throw new AppError('VOLUNTEER.ATTENDANCE_STATE', '活动已结束，不能再签到');
    return this.step(signup, 'signed_up', {
      set: { attendance: 'checked_in', checkedInAt: at },
      event: { step: 'checked_in', via, by, at, minutes: null, reason: null },
    });
  }

  private checkOut(activity: Activity, signup: Signup, at: Date, via: Via, by: string): Promise<SignupView> {
    if (!signup.checkedInAt) throw new AppError('VOLUNTEER.ATTENDANCE_STATE', '尚未签到，不能签退');
    const minutes = servedMinutes(activity, signup.checkedInAt, at);
    return this.step(signup, 'checked_in', {
      set: { attendance: 'checked_out', checkedOutAt: at, minutes },
      event: { step: 'checked_out', via, by, at, minutes, reason: null },
    });
  }

  /**
   * Moves the attendance on from `from`. Whoever comes second (a double tap, two kiosks at once) gets the
   * attendance as the first left it, if it is the step they asked for; anything else is refused.
   */
  private async step(
    signup: Signup,
    from: Attendance,
    change: { set: Partial<Signup>; event: Recorded },
  ): Promise<SignupView> {
    const moved = await this.outbox.update(
      this.signups,
      { _id: signup._id, attendance: from },
      { $set: change.set },
      [this.recorded(signup, change.event)],
    );
    if (moved) return signupView(moved);
    const now = await this.signups.findById(signup._id).lean<Signup>();
    if (now && now.attendance === change.set.attendance) return signupView(now);
    throw new AppError(
      'VOLUNTEER.ATTENDANCE_STATE',
      `当前为“${ATTENDANCE_NAMES[now?.attendance ?? from]}”，不能进行该操作`,
    );
  }

  private recorded(signup: Signup, event: Recorded) {
    return {
      type: 'volunteer.activity.attendance-recorded' as const,
      data: {
        activityId: signup.activityId,
        volunteerId: signup.volunteerId,
        ...event,
        at: event.at.toISOString(),
      },
    };
  }
}

type Recorded = Omit<
  EventData<'volunteer.activity.attendance-recorded'>,
  'activityId' | 'volunteerId' | 'at'
> & {
  at: Date;
};

const ATTENDANCE_NAMES: Record<Attendance, string> = {
  signed_up: '已报名未签到',
  checked_in: '已签到',
  checked_out: '已签退',
  approved: '时长已审核',
};
