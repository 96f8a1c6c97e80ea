import {
  allowedIncubationActions,
  type BookingView,
  type IncubationSummary,
  type IncubationView,
} from '@psc/contracts/socialorg';
import { shanghaiDay } from '@psc/util';
import { daysBetween } from '../shared/place';
import type { Incubation } from './incubation.model';
import type { RoomCalendar, StoredBooking } from './room-calendar.model';

/** A booking as shown; `visible` is false for someone who may see only that the room is taken. */
export const bookingView = (calendar: RoomCalendar, b: StoredBooking, visible: boolean): BookingView => ({
  bookingId: b._id,
  centreId: calendar.centreId,
  room: calendar.room,
  from: b.from.toISOString(),
  to: b.to.toISOString(),
  purpose: visible ? b.purpose : '已预订',
  incubationId: visible ? b.incubationId : null,
  orgName: visible ? b.orgName : null,
});

/** The standing bookings of one incubation across the base's rooms, soonest first. */
export const bookingsOf = (inc: Incubation, calendars: readonly RoomCalendar[]): BookingView[] =>
  calendars
    .flatMap((c) =>
      c.bookings.filter((b) => b.incubationId === inc._id && !b.released).map((b) => bookingView(c, b, true)),
    )
    .sort((a, b) => a.from.localeCompare(b.from));

export function incubationView(inc: Incubation, calendars: readonly RoomCalendar[]): IncubationView {
  return {
    incubationId: inc._id,
    revision: inc.revision,
    orgId: inc.orgId,
    orgName: inc.orgName,
    baseId: inc.baseId,
    state: inc.state,
    plan: inc.plan,
    needs: inc.needs,
    teamSize: inc.teamSize,
    attachments: inc.attachments,
    appliedAt: inc.appliedAt.toISOString(),
    period: inc.period,
    mentor: inc.mentor && { ...inc.mentor, since: inc.mentor.since.toISOString() },
    trainings: inc.trainings.map((t) => ({ ...t, recordedAt: t.recordedAt.toISOString() })),
    assessment: inc.assessment && { ...inc.assessment, at: inc.assessment.at.toISOString() },
    bookings: bookingsOf(inc, calendars),
    history: inc.history.map((entry) => ({ ...entry, byName: entry.byName ?? null })),
    allowedActions: allowedIncubationActions(inc.state),
  };
}

/** A row of the review board; an application waiting for review says for how many days. */
export function incubationSummary(inc: Incubation, now: Date): IncubationSummary {
  return {
    incubationId: inc._id,
    revision: inc.revision,
    orgId: inc.orgId,
    orgName: inc.orgName,
    baseId: inc.baseId,
    state: inc.state,
    appliedAt: inc.appliedAt.toISOString(),
    period: inc.period,
    allowedActions: allowedIncubationActions(inc.state),
    waitingDays: inc.state === 'applied' ? daysBetween(shanghaiDay(inc.appliedAt), shanghaiDay(now)) : null,
    assessmentTotal: inc.assessment?.total ?? null,
  };
}

/** Waiting applications first, the longest waiting at the top; then the rest, newest first. */
export const boardOrder = (a: IncubationSummary, b: IncubationSummary) =>
  Number(b.state === 'applied') - Number(a.state === 'applied') ||
  (a.state === 'applied' ? a.appliedAt.localeCompare(b.appliedAt) : b.appliedAt.localeCompare(a.appliedAt));
