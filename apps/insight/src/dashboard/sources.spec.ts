import { buildEvent, type DomainEvent, EVENTS } from '@psc/contracts';
import {
  knownRoomsWeek,
  knownSocialorgWeek,
  knownVolunteerWeek,
  knownWeek,
} from '@psc/contracts/insight/testing';
import { describe, expect, it } from 'vitest';
import { dashboardWorld } from '../../test/dashboard-world';

const WEEK = { scope: 'sz/futian', from: '2026-11-23', to: '2026-11-29', grain: 'week' };

describe('volunteer section', () => {
  it('counts a known week: hours 信用/荣誉 apart, distinct active volunteers, 双报到, "五个一", wishes', async () => {
    const world = dashboardWorld();
    await world.feed(knownVolunteerWeek());
    const { volunteer } = await world.read(WEEK);
    expect(volunteer.tally).toEqual({
      registered: 2,
      partyMembersRegistered: 1,
      // 120+60+60+30+90 (v-1) + 120+60+45 (v-2) − 30 reversed
      creditMinutes: 555,
      honourMinutes: 240,
      activeVolunteers: 2,
      partyReported: 1,
      fiveOnesMet: 1,
      wishesPosted: 2,
      wishesClaimed: 1,
      wishesFulfilled: 1,
      wishDaysToFulfil: 3,
      activities: 4,
      activityPlaces: 40,
      checkIns: 1,
    });
    expect(volunteer.rates).toEqual({
      creditHours: 9.25,
      honourHours: 4,
      meanWishDaysToFulfil: 3,
      wishesFulfilledShare: 0.5,
    });
    // v-2 served at both streets: once at each, once at the district
    expect(volunteer.children.map((c) => [c.scope, c.tally.activeVolunteers, c.tally.creditMinutes])).toEqual(
      [
        ['sz/futian/lianhua', 1, 45],
        ['sz/futian/xiangmihu', 2, 510],
      ],
    );
    const days = await world.read({ ...WEEK, grain: 'day' });
    expect(days.volunteer.series.map((s) => s.tally.activeVolunteers)).toEqual([2, 1, 1, 1, 1, 0, 0]);
    expect(days.volunteer.series.map((s) => s.tally.fiveOnesMet)).toEqual([0, 0, 0, 1, 0, 0, 0]);
  });

  it('takes a member\'s "五个一" back when a reversal removes the item that completed it', async () => {
    const world = dashboardWorld();
    const week = knownVolunteerWeek();
    const survey = week
      .filter((e): e is DomainEvent<'volunteer.hours.credited'> => e.type === 'volunteer.hours.credited')
      .find((e) => e.data.entryId === 'e-5');
    const reversal = {
      ...survey!.data,
      entryId: 'e-11',
      minutes: -90,
      reverses: 'e-5',
      source: 'correction' as const,
    };
    await world.feed([...week, buildEvent('volunteer.hours.reversed', 'v-1', reversal, 'volunteer')]);
    const { volunteer } = await world.read(WEEK);
    expect([volunteer.tally.fiveOnesMet, volunteer.tally.creditMinutes]).toEqual([0, 465]);
  });

  it('counts a volunteer active once per place and period, however many entries follow', async () => {
    const world = dashboardWorld();
    await world.feed(knownVolunteerWeek());
    const once = await world.read(WEEK);
    await world.feed(knownVolunteerWeek());
    expect((await world.read(WEEK)).volunteer.tally.activeVolunteers).toBe(
      once.volunteer.tally.activeVolunteers,
    );
  });
});

describe('socialorg section', () => {
  it('counts organisations by 党组织覆盖 and incubation stage now, and calls and money to the fen', async () => {
    const world = dashboardWorld();
    await world.feed(knownSocialorgWeek());
    const { socialorg } = await world.read(WEEK);
    expect(socialorg.tally).toEqual({
      organisationsRegistered: 2,
      incubationsApplied: 1,
      incubationsGraduated: 1,
      callsOpened: 1,
      applicationsSubmitted: 0,
      awards: 2,
      awardedFen: 1_734_567,
      tranchesPaid: 1,
      paidFen: 300_001,
      subsidiesGranted: 0,
      subsidyGrantedFen: 0,
      subsidyPaidFen: 0,
    });
    expect(socialorg.now.standing).toMatchObject({
      organisations: 2,
      'partyBuilding.branch': 1,
      'partyBuilding.joint_branch': 1,
      'partyBuilding.none': 0,
      'incubation.applied': 0,
      'incubation.incubating': 0,
      'incubation.graduated': 1,
    });
    expect(socialorg.now.partyBuildingCoverage).toBe(1);
    expect(socialorg.now.children.map((c) => [c.scope, c.standing.organisations])).toEqual([
      ['sz/futian/xiangmihu', 2],
    ]);
    // levels are now, whatever the range: a month before anything happened still shows them
    const before = await world.read({
      scope: 'sz/futian',
      from: '2026-10-01',
      to: '2026-10-31',
      grain: 'month',
    });
    expect([before.socialorg.tally.awardedFen, before.socialorg.now.standing.organisations]).toEqual([0, 2]);
  });
});

describe('rooms section', () => {
  it('counts bookings on the day booked for', async () => {
    const world = dashboardWorld();
    await world.feed(knownRoomsWeek());
    const days = await world.read({ ...WEEK, grain: 'day' });
    expect(days.rooms.tally).toEqual({ booked: 2, cancelled: 1, attended: 1, missed: 0, attendees: 8 });
    expect(days.rooms.series.map((s) => s.tally.booked)).toEqual([0, 0, 2, 0, 0, 0, 0]);
  });
});

describe('hall screen', () => {
  it("gives a centre's figures for today only", async () => {
    const world = dashboardWorld('2026-11-23T08:00:00.000Z');
    await world.feed([...knownWeek(), ...knownVolunteerWeek()]);
    const { at, ...figures } = await world.screen('sz/futian/xiangmihu/c-001');
    expect(at).toBe('2026-11-23T08:00:00.000Z');
    expect(figures).toEqual({
      centreId: 'sz/futian/xiangmihu/c-001',
      day: '2026-11-23',
      ticketsIssued: 3,
      waiting: 1,
      meanWaitMinutes: 22.5,
      casesDone: 0,
      oneTrip: null,
      satisfaction: null,
      ratings: 0,
      volunteerActivities: 1,
      volunteerCheckIns: 1,
    });
    world.clock.set('2026-11-25T08:00:00.000Z');
    expect(await world.screen('sz/futian/xiangmihu/c-001')).toMatchObject({
      ticketsIssued: 0,
      casesDone: 1,
      oneTrip: 1,
      satisfaction: 1,
      volunteerActivities: 1,
    });
  });
});

describe('arrival order', () => {
  it('gives the same answers whichever topic is read first', async () => {
    const topicOf = (e: DomainEvent) => EVENTS[e.type].topic;
    const events = [...knownVolunteerWeek(), ...knownSocialorgWeek()];
    // the ledger and incubations first, the activities, 双报到 and the registry last: a lagging partition
    const late = new Set(['volunteer.activity.v1', 'volunteer.volunteer.v1', 'socialorg.organisation.v1']);
    const inOrder = dashboardWorld();
    await inOrder.feed(events);
    const reordered = dashboardWorld();
    await reordered.feed([
      ...events.filter((e) => !late.has(topicOf(e))),
      ...events.filter((e) => late.has(topicOf(e))),
    ]);
    const [a, b] = [await inOrder.read(WEEK), await reordered.read(WEEK)];
    expect(b.volunteer).toEqual(a.volunteer);
    expect(b.socialorg).toEqual(a.socialorg);
    expect(b.volunteer.tally.fiveOnesMet).toBe(1);
    expect(b.socialorg.now.standing['incubation.graduated']).toBe(1);
  });
});
