import { Controller, Get, Inject } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '@psc/auth';
import { type HallScreen, hallScreen, type HallScreenQuery, hallScreenQuery } from '@psc/contracts/insight';
import { ApiZodResponse, CLOCK, type Clock, ZodQuery } from '@psc/server-kit';
import { shanghaiDay } from '@psc/work-calendar';
import type { Model } from 'mongoose';
import { ratesOf, tallyOf } from './dashboard-view';
import { AFFAIRS_COUNTERS_MODEL, type CounterDoc, VOLUNTEER_COUNTERS_MODEL } from './dashboard.model';
import { counterId } from './periods';
import { AFFAIRS_TALLY_FIELDS, VOLUNTEER_TALLY_FIELDS } from '@psc/contracts/insight';

/**
 * The hall's big screen. Public because it hangs in the hall with nobody signed in; safe because it answers one
 * centre's counts for today only, the same totals read from the day's counters the dashboards use: no person, case,
 * ticket or item is named, and no count here can be narrowed to one (it is a day's total over a whole centre).
 */
@ApiTags('dashboard')
@Controller('screen')
export class ScreenController {
  constructor(
    @InjectModel(AFFAIRS_COUNTERS_MODEL) private readonly affairs: Model<CounterDoc>,
    @InjectModel(VOLUNTEER_COUNTERS_MODEL) private readonly volunteer: Model<CounterDoc>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Public()
  @ApiZodResponse(hallScreen)
  async screen(@ZodQuery(hallScreenQuery) { centre }: HallScreenQuery): Promise<HallScreen> {
    const now = this.clock();
    const day = shanghaiDay(now);
    const id = counterId(centre, 'day', day);
    // two point reads by _id and only the totals: the screen polls, so nothing else is sent
    const [affairs, volunteer] = await Promise.all([
      this.affairs.findById(id, { total: 1 }).lean<CounterDoc>(),
      this.volunteer.findById(id, { total: 1 }).lean<CounterDoc>(),
    ]);
    const a = tallyOf(AFFAIRS_TALLY_FIELDS, affairs?.total);
    const v = tallyOf(VOLUNTEER_TALLY_FIELDS, volunteer?.total);
    const rates = ratesOf(a);
    return {
      centreId: centre,
      day,
      ticketsIssued: a.ticketsIssued,
      waiting: Math.max(0, a.ticketsIssued - a.ticketsCalled),
      meanWaitMinutes: rates.meanWaitMinutes,
      casesDone: a.completed,
      oneTrip: rates.oneTrip,
      satisfaction: rates.good,
      ratings: a.rating1 + a.rating2 + a.rating3 + a.rating4 + a.rating5,
      volunteerActivities: v.activities,
      volunteerCheckIns: v.checkIns,
      at: now.toISOString(),
    };
  }
}
