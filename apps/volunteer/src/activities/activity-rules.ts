import type { ActivityView, OrganiserActivityView, SignupView } from '@psc/contracts/volunteer';
import type { Activity } from './activity.model';
import type { Signup } from './signup.model';

/** The code works from half an hour before the start until two hours after the end (late check-outs). */
export const CHECK_IN_OPENS_MS = 30 * 60_000;
export const CHECK_OUT_CLOSES_MS = 2 * 3600_000;
export const MAX_ACTIVITY_MS = 24 * 3600_000;

export const codeOpen = (activity: Pick<Activity, 'startsAt' | 'endsAt'>, now: Date) =>
  now.getTime() >= activity.startsAt.getTime() - CHECK_IN_OPENS_MS &&
  now.getTime() <= activity.endsAt.getTime() + CHECK_OUT_CLOSES_MS;

/** What the activity's QR poster encodes: the kiosk's scanner reads it and sends the code. */
export const qrText = (code: string) => `PSCVOL:${code}`;

export const activityView = (a: Activity): ActivityView => ({
  activityId: a._id,
  title: a.title,
  description: a.description,
  centreId: a.centreId,
  orgId: a.orgId,
  organiserName: a.organiserName,
  place: a.place,
  startsAt: a.startsAt.toISOString(),
  endsAt: a.endsAt.toISOString(),
  capacity: a.capacity,
  confirmed: a.confirmed,
  waiting: a.waiting,
  skills: a.skills,
  category: a.category,
  teamId: a.teamId,
  projectId: a.projectId,
  approved: a.approved,
});

export const organiserView = (a: Activity): OrganiserActivityView => ({
  ...activityView(a),
  code: a.code,
  qrText: qrText(a.code),
});

export const signupView = (s: Signup, waitingPosition: number | null = null): SignupView => ({
  activityId: s.activityId,
  volunteerId: s.volunteerId,
  maskedName: s.maskedName,
  state: s.state,
  waitingPosition: s.state === 'waiting' ? waitingPosition : null,
  attendance: s.attendance,
  checkedInAt: s.checkedInAt?.toISOString() ?? null,
  checkedOutAt: s.checkedOutAt?.toISOString() ?? null,
  closedBy: s.closedBy,
  closeReason: s.closeReason,
  minutes: s.minutes,
});

/** The waiting list in order: first come, first promoted. */
export const waitingOrder = (signups: readonly Signup[]) =>
  signups
    .filter((s) => s.state === 'waiting')
    .sort((a, b) => a.queuedAt.getTime() - b.queuedAt.getTime() || a._id.localeCompare(b._id));
