import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { assertOrgMember, assertScope, covers, type Principal } from '@psc/auth';
import { fiveOnesMet, fiveOnesOf, type YearlyRecord } from '@psc/contracts/volunteer';
import type { Model } from 'mongoose';
import { standing } from '../ledger/ledger';
import { LedgerService } from '../ledger/ledger.service';
import { CENTRE_ROLES } from '../shared/access';
import { type Volunteer, VOLUNTEER_MODEL } from '../volunteers/volunteer.model';

/**
 * 在职党员双报到 and the yearly "五个一" record, counted from the ledger: approved attendances at the community by
 * activity category (a service day is a distinct day served), fulfilled 微心愿 confirmed in the year.
 */
@Injectable()
export class PartyService {
  constructor(
    @InjectModel(VOLUNTEER_MODEL) private readonly volunteers: Model<Volunteer>,
    private readonly ledger: LedgerService,
  ) {}

  /** The community secretary's view: every member reported to the community (the centre's administrators). */
  async ofCommunity(communityId: string, year: number, principal: Principal): Promise<YearlyRecord[]> {
    assertScope(principal, communityId, CENTRE_ROLES);
    return this.records(await this.volunteers.find({ communityId }).lean<Volunteer[]>(), year);
  }

  /** What the employer unit is sent: its own members' records, for the unit's account (`org_member` of the unit). */
  async ofUnit(unitId: string, year: number, principal: Principal): Promise<YearlyRecord[]> {
    assertOrgMember(principal, unitId);
    return this.records(await this.volunteers.find({ unitId }).lean<Volunteer[]>(), year);
  }

  private async records(members: Volunteer[], year: number): Promise<YearlyRecord[]> {
    const records: YearlyRecord[] = [];
    for (const member of members) {
      const report = member.partyReport;
      if (!report) continue;
      const inYear = standing(await this.ledger.of(member._id)).filter(
        (e) => e.servedOn.startsWith(`${year}-`) && covers(report.communityId, e.centreId),
      );
      const counts = fiveOnesOf(
        inYear.flatMap((e) => (e.category ? [{ category: e.category, day: e.servedOn }] : [])),
        inYear.filter((e) => e.source === 'wish').length,
      );
      records.push({
        volunteerId: member._id,
        maskedName: member.maskedName,
        ...report,
        year,
        counts,
        creditMinutes: inYear.filter((e) => e.kind === 'credit').reduce((sum, e) => sum + e.minutes, 0),
        met: fiveOnesMet(counts),
      });
    }
    return records.sort((a, b) => a.volunteerId.localeCompare(b.volunteerId));
  }
}
