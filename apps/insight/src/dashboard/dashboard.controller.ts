import { Controller, Get } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiTags } from '@nestjs/swagger';
import { assertScope, CurrentPrincipal, type Principal, Roles } from '@psc/auth';
import {
  type DashboardQuery,
  dashboardQuery,
  type DashboardReport,
  dashboardReport,
} from '@psc/contracts/insight';
import { ApiErrors, ApiZodResponse, ZodQuery } from '@psc/server-kit';
import type { Model } from 'mongoose';
import { affairsDashboard } from './dashboard-view';
import { AFFAIRS_COUNTERS_MODEL, type CounterDoc } from './dashboard.model';
import { counterId, periodsBetween } from './periods';

const ADMINS = ['centre_admin', 'city_admin'] as const;

@ApiTags('dashboard')
@Controller('dashboard')
export class DashboardController {
  constructor(@InjectModel(AFFAIRS_COUNTERS_MODEL) private readonly affairs: Model<CounterDoc>) {}

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
    // point reads by _id, never a range or `$in` (those read the whole collection on FerretDB)
    const docs = await Promise.all(
      periods.map((period) =>
        this.affairs.findById(counterId(scope, grain, period), { _seen: 0 }).lean<CounterDoc>(),
      ),
    );
    return { scope, grain, from, to, periods, affairs: affairsDashboard(scope, periods, docs) };
  }
}
