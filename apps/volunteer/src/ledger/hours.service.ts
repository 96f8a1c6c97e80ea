import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { assertOrgMember, assertScope, type Principal } from '@psc/auth';
import {
  type BalanceView,
  type CentreReport,
  type HonourRequest,
  type LedgerEntryView,
  minutesToNextStar,
  type MyHoursView,
  STAR_LEVELS,
  starLevelOf,
} from '@psc/contracts/volunteer';
import { CLOCK, type Clock } from '@psc/server-kit';
import { shanghaiDay } from '@psc/util';
import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import { CENTRE_ROLES } from '../shared/access';
import type { Volunteer } from '../volunteers/volunteer.model';
import { VolunteersService } from '../volunteers/volunteers.service';
import { TeamsService } from '../volunteers/teams.service';
import { type Balance, BALANCE_MODEL } from './balance.model';
import { EMPTY_BALANCE } from './ledger';
import type { LedgerEntry } from './ledger-entry.model';
import { LedgerService } from './ledger.service';
import { StarsService } from './stars.service';

const balanceView = (b: Balance | null | undefined): BalanceView =>
  b
    ? { creditMinutes: b.creditMinutes ?? 0, honourMinutes: b.honourMinutes ?? 0, entries: b.entries ?? 0 }
    : EMPTY_BALANCE;

export const entryView = (e: LedgerEntry): LedgerEntryView => ({
  entryId: e._id,
  volunteerId: e.volunteerId,
  kind: e.kind,
  minutes: e.minutes,
  source: e.source,
  sourceRef: e.sourceRef,
  activityId: e.activityId,
  activityTitle: e.activityTitle,
  centreId: e.centreId,
  servedOn: e.servedOn,
  approvedBy: e.approvedBy,
  reason: e.reason,
  reverses: e.reverses,
  at: e.at.toISOString(),
});

/** Balances as counters (point reads, never sums at read time), statements, and 荣誉时长. */
@Injectable()
export class HoursService {
  constructor(
    @InjectModel(BALANCE_MODEL) private readonly balances: Model<Balance>,
    private readonly ledger: LedgerService,
    private readonly volunteers: VolunteersService,
    private readonly teams: TeamsService,
    private readonly stars: StarsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** One total, by its key (`v|<volunteer>|2026`, …): a point read. */
  async balance(key: string): Promise<BalanceView> {
    return balanceView(await this.balances.findById(key).lean<Balance>());
  }

  async mine(principal: Principal): Promise<MyHoursView> {
    return this.statement(await this.volunteers.self(principal));
  }

  async ofVolunteer(volunteerId: string, principal: Principal): Promise<MyHoursView> {
    const volunteer = await this.volunteers.load(volunteerId);
    assertScope(principal, volunteer.centreId, CENTRE_ROLES);
    return this.statement(volunteer);
  }

  private async statement(volunteer: Volunteer): Promise<MyHoursView> {
    const year = shanghaiDay(this.clock()).slice(0, 4);
    const [total, thisYear, highest, entries] = await Promise.all([
      this.balance(`v|${volunteer._id}`),
      this.balance(`v|${volunteer._id}|${year}`),
      this.stars.highest(volunteer._id),
      this.ledger.of(volunteer._id),
    ]);
    const level = starLevelOf(total.creditMinutes);
    return {
      volunteerId: volunteer._id,
      total,
      thisYear,
      star: {
        level,
        name: STAR_LEVELS.find((s) => s.level === level)?.name ?? null,
        minutesToNext: minutesToNextStar(total.creditMinutes),
        highest,
      },
      entries: entries.map(entryView).reverse(),
    };
  }

  async ofTeam(teamId: string, period: string | undefined, principal: Principal): Promise<BalanceView> {
    const team = await this.teams.load(teamId);
    if (team.orgId) assertOrgMember(principal, team.orgId);
    else assertScope(principal, team.centreId ?? '', CENTRE_ROLES);
    return this.balance(period ? `t|${teamId}|${period}` : `t|${teamId}`);
  }

  /** A centre's month: its total and one row per volunteer, read through the indexed `report` field. */
  async centreReport(centreId: string, month: string, principal: Principal): Promise<CentreReport> {
    assertScope(principal, centreId, CENTRE_ROLES);
    const [total, rows] = await Promise.all([
      this.balance(`c|${centreId}|${month}`),
      this.balances.find({ report: `${centreId}|${month}` }).lean<Balance[]>(),
    ]);
    return {
      centreId,
      month,
      total,
      volunteers: rows
        .map((row) => ({ volunteerId: row._id.split('|').at(-1) ?? '', ...balanceView(row) }))
        .sort((a, b) => b.creditMinutes - a.creditMinutes || a.volunteerId.localeCompare(b.volunteerId)),
    };
  }

  /** 荣誉时长: added by the centre's administrator with a reason, kept apart from 信用时长. */
  async honour(body: HonourRequest, principal: Principal): Promise<LedgerEntryView> {
    assertScope(principal, body.centreId, CENTRE_ROLES);
    const volunteer = await this.volunteers.load(body.volunteerId);
    const { entry } = await this.ledger.post({
      _id: `hon:${randomUUID()}`,
      volunteerId: volunteer._id,
      kind: 'honour',
      minutes: body.minutes,
      source: 'honour',
      sourceRef: principal.sub,
      activityId: null,
      activityTitle: null,
      category: null,
      centreId: body.centreId,
      teamId: null,
      projectId: null,
      servedOn: body.servedOn,
      approvedBy: principal.sub,
      reason: body.reason,
      reverses: null,
      at: this.clock(),
    });
    return entryView(entry);
  }
}
