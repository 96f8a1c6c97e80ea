import { Controller, Get } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiTags } from '@nestjs/swagger';
import { assertScope, CurrentPrincipal, type Principal, Roles } from '@psc/auth';
import {
  type DashboardQuery,
  dashboardQuery,
  type DashboardReport,
  dashboardReport,
  type DashboardGrain,
} from '@psc/contracts/insight';
import { ApiErrors, ApiZodResponse, ZodQuery } from '@psc/server-kit';
import type { Model } from 'mongoose';
import { affairsDashboard, roomsDashboard, socialorgDashboard, volunteerDashboard } from './dashboard-view';
import {
  AFFAIRS_COUNTERS_MODEL,
  type CounterDoc,
  ROOMS_COUNTERS_MODEL,
  SOCIALORG_COUNTERS_MODEL,
  VOLUNTEER_COUNTERS_MODEL,
} from './dashboard.model';
import { bucketsOf, periodsBetween, standingId } from './periods';

const ADMINS = ['centre_admin', 'city_admin'] as const;

/**
 * The period documents of a place, in the order of `periods` (null where nothing was counted): one equality query
 * per bucket, which FerretDB answers from the index on `bucket`. A range or `$in` would read the whole collection
 * there, and one point read per period cost a 92-day answer 369 reads.
 */
export async function periodDocs(
  model: Model<CounterDoc>,
  scope: string,
  grain: DashboardGrain,
  periods: string[],
): Promise<(CounterDoc | null)[]> {
  const found = await Promise.all(
    bucketsOf(scope, grain, periods).map((bucket) =>
      model.find({ bucket }, { _seen: 0 }).lean<CounterDoc[]>(),
    ),
  );
  const byPeriod = new Map(found.flat().map((doc) => [doc.period, doc]));
  return periods.map((period) => byPeriod.get(period) ?? null);
}

@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController {
  constructor(
    @InjectModel(AFFAIRS_COUNTERS_MODEL) private readonly affairs: Model<CounterDoc>,
    @InjectModel(VOLUNTEER_COUNTERS_MODEL) private readonly volunteer: Model<CounterDoc>,
    @InjectModel(SOCIALORG_COUNTERS_MODEL) private readonly socialorg: Model<CounterDoc>,
    @InjectModel(ROOMS_COUNTERS_MODEL) private readonly rooms: Model<CounterDoc>,
  ) {}

  /**
   * A place's figures over a date range: a centre administrator sees their centre, one granted a street or a
   * district sees it and everything below; `children` drill down one level.
   */
  @Get()
  @Roles(...ADMINS)
  @ApiZodResponse(dashboardReport)
  @ApiErrors('AUTH.OUT_OF_SCOPE')
  async dashboard(
    @ZodQuery(dashboardQuery) { scope, from, to, grain }: DashboardQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DashboardReport> {
    assertScope(principal, scope, ADMINS);
    const periods = periodsBetween(grain, from, to);
    const [affairs, volunteer, socialorg, rooms, now] = await Promise.all([
      periodDocs(this.affairs, scope, grain, periods),
      periodDocs(this.volunteer, scope, grain, periods),
      periodDocs(this.socialorg, scope, grain, periods),
      periodDocs(this.rooms, scope, grain, periods),
      this.socialorg.findById(standingId(scope), { _seen: 0 }).lean<CounterDoc>(),
    ]);
    return {
      scope,
      grain,
      from,
      to,
      periods,
      affairs: affairsDashboard(scope, periods, affairs),
      volunteer: volunteerDashboard(scope, periods, volunteer),
      socialorg: socialorgDashboard(scope, periods, socialorg, now),
      rooms: roomsDashboard(scope, periods, rooms),
    };
  }
}
