import { Controller, Get } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiTags } from '@nestjs/swagger';
import { assertScope, CurrentPrincipal, type Principal, Roles } from '@psc/auth';
import { type OneTripQuery, oneTripQuery, type OneTripReport, oneTripReport } from '@psc/contracts/insight';
import { ApiErrors, ApiZodResponse, ZodQuery } from '@psc/server-kit';
import type { Model } from 'mongoose';
import { ONE_TRIP_MODEL, type OneTripTally } from './one-trip.model';

const rate = (t: Pick<OneTripTally, 'delivered' | 'oneTrip'>) => ({
  delivered: t.delivered,
  oneTrip: t.oneTrip,
  rate: t.delivered > 0 ? t.oneTrip / t.delivered : null,
});

@ApiTags('affairs')
@Controller('affairs')
export class AffairsViewController {
  constructor(@InjectModel(ONE_TRIP_MODEL) private readonly tallies: Model<OneTripTally>) {}

  /** The one-trip rate of a centre, overall and per item. */
  @Get('one-trip')
  @Roles('counter_staff', 'centre_admin', 'city_admin')
  @ApiZodResponse(oneTripReport)
  @ApiErrors('AUTH.OUT_OF_SCOPE')
  async oneTrip(
    @ZodQuery(oneTripQuery) { centreId }: OneTripQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<OneTripReport> {
    assertScope(principal, centreId);
    const rows = await this.tallies.find({ centreId }, { _seen: 0 }).lean<OneTripTally[]>();
    const total = rows.find((r) => r.itemCode === null);
    return {
      centreId,
      total: rate(total ?? { delivered: 0, oneTrip: 0 }),
      items: rows
        .flatMap(({ itemCode, ...r }) => (itemCode === null ? [] : [{ itemCode, ...rate(r) }]))
        .sort((a, b) => b.delivered - a.delivered),
    };
  }
}
