import type { DomainEvent } from '@psc/contracts';
import { Effects } from '@psc/messaging';
import { generateKey } from '@psc/pii';
import { fakeModel, fakeOutbox, manualClock, resident, staff } from '@psc/testing/unit';
import type { Model } from 'mongoose';
import { ActivitiesService } from '../src/activities/activities.service';
import type { Activity } from '../src/activities/activity.model';
import { AttendanceService } from '../src/activities/attendance.service';
import type { Signup } from '../src/activities/signup.model';
import { SignupsService } from '../src/activities/signups.service';
import type { Certificate } from '../src/certificates/certificate.model';
import { CertificatesService } from '../src/certificates/certificates.service';
import { type VolunteerConfig, volunteerConfigSchema } from '../src/config';
import type { Balance, Posting, StarMark } from '../src/ledger/balance.model';
import type { Correction } from '../src/ledger/correction.model';
import { CorrectionsService } from '../src/ledger/corrections.service';
import { HoursConsumer } from '../src/ledger/hours.consumer';
import { HoursService } from '../src/ledger/hours.service';
import type { LedgerEntry } from '../src/ledger/ledger-entry.model';
import { LedgerService } from '../src/ledger/ledger.service';
import { ProxyCreditService } from '../src/ledger/proxy-credit.service';
import { StarsService } from '../src/ledger/stars.service';
import { nameCipher, signingKey } from '../src/shared/volunteer-keys';
import type { PiiAuditEntry } from '../src/volunteers/pii-audit.model';
import type { Team } from '../src/volunteers/team.model';
import { TeamsService } from '../src/volunteers/teams.service';
import type { Volunteer } from '../src/volunteers/volunteer.model';
import { VolunteerNamesService } from '../src/volunteers/volunteer-names.service';
import { VolunteersService } from '../src/volunteers/volunteers.service';
import type { Wish } from '../src/wishes/wish.model';
import { WishesService } from '../src/wishes/wishes.service';

/** The volunteer services over one in-memory store, outbox and clock, with the hours consumer run on demand. */

export const CENTRE = 'sz/futian/xiangmihu/c-001';
export const OTHER_CENTRE = 'sz/nanshan/shekou/c-009';
export const admin = staff('centre_admin', CENTRE);
export const kiosk = (id: string) => resident(id, { kioskSession: 'k-1' });

const named = <T extends { _id: string }>(name: string) => {
  const model = fakeModel<T>();
  Object.assign(model.collection, { collectionName: name, name });
  return model;
};

export function volunteerWorld() {
  const clock = manualClock('2026-03-03T01:00:00Z');
  const outbox = fakeOutbox('volunteer');
  const m = {
    volunteers: named<Volunteer>('volunteers'),
    teams: named<Team>('teams'),
    audit: named<PiiAuditEntry>('pii_audit'),
    entries: named<LedgerEntry>('ledger_entries'),
    balances: named<Balance>('balances'),
    postings: named<Posting>('ledger_postings'),
    marks: named<StarMark>('star_marks'),
    corrections: named<Correction>('corrections'),
    activities: named<Activity>('activities'),
    signups: named<Signup>('signups'),
    wishes: named<Wish>('wishes'),
    certificates: named<Certificate>('certificates'),
  };
  const as = <T>(model: unknown) => model as Model<T>;
  const config = {
    VOLUNTEER_PII_KEYS: `vp1:${generateKey()}`,
    VOLUNTEER_SIGNING_KEY: `vs1:${generateKey()}`,
    PUBLIC_ORIGIN: 'https://psc.example.cn',
    ...volunteerConfigSchema.pick({ CERTIFICATE_FONT: true, CERTIFICATE_FONT_FACE: true }).parse({}),
  } as VolunteerConfig;
  const key = signingKey(config.VOLUNTEER_SIGNING_KEY);
  const names = new VolunteerNamesService(as(m.audit), nameCipher(config.VOLUNTEER_PII_KEYS), outbox, clock);
  const volunteers = new VolunteersService(as(m.volunteers), names, outbox, clock);
  const teams = new TeamsService(as(m.teams), as(m.volunteers), volunteers, outbox, clock);
  const ledger = new LedgerService(as(m.entries), as(m.postings), outbox);
  const stars = new StarsService(as(m.balances), as(m.postings), as(m.marks), outbox, clock);
  const consumer = new HoursConsumer(
    as(m.balances),
    as(m.postings),
    stars,
    new ProxyCreditService(volunteers, ledger),
  );
  const hours = new HoursService(as(m.balances), ledger, volunteers, teams, stars, clock);
  const corrections = new CorrectionsService(as(m.corrections), ledger, outbox, clock);
  const activities = new ActivitiesService(as(m.activities), teams, outbox, clock);
  const signups = new SignupsService(as(m.signups), as(m.activities), activities, volunteers, outbox, clock);
  const attendance = new AttendanceService(
    as(m.signups),
    as(m.activities),
    activities,
    signups,
    volunteers,
    ledger,
    outbox,
    clock,
  );
  const wishes = new WishesService(as(m.wishes), volunteers, ledger, outbox, clock);
  const certificates = new CertificatesService(
    as(m.certificates),
    volunteers,
    names,
    ledger,
    outbox,
    key,
    config,
    clock,
  );

  // what the consumer group's guard does: each event's effect on a document lands once
  const applied = new Set<string>();
  let consumed = 0;
  const modelOf = (collection: string) =>
    Object.values(m).find((model) => (model.collection as unknown as { name: string }).name === collection)!;

  /** Runs the `volunteer.hours` consumer over the events raised since last time (or all of them again: a replay). */
  async function settle(replay = false): Promise<void> {
    const events = outbox.raised.slice(replay ? 0 : consumed);
    consumed = outbox.raised.length;
    for (const event of events) {
      const effects = new Effects(event.id);
      if (event.type === 'volunteer.hours.credited')
        consumer.credited(event as DomainEvent<'volunteer.hours.credited'>, effects);
      else if (event.type === 'volunteer.hours.reversed')
        consumer.reversed(event as DomainEvent<'volunteer.hours.reversed'>, effects);
      else continue;
      for (const effect of effects.list) {
        const seen = `${event.id}|${effect.collection}|${effect.id}`;
        if (applied.has(seen)) continue;
        applied.add(seen);
        await modelOf(effect.collection).updateOne({ _id: effect.id }, effect.update, {
          upsert: true,
        });
      }
    }
    await stars.checkPending();
  }

  async function registered(id: string, name = '王小明', centreId = CENTRE) {
    await volunteers.register({ name, centreId, skills: [], partyMember: false }, kiosk(id));
    return kiosk(id);
  }

  return {
    clock,
    outbox,
    m,
    config,
    key,
    volunteers,
    teams,
    ledger,
    stars,
    consumer,
    hours,
    corrections,
    activities,
    signups,
    attendance,
    wishes,
    certificates,
    settle,
    registered,
  };
}

export type VolunteerWorld = ReturnType<typeof volunteerWorld>;
