import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@psc/auth';
import { bookingView, roomScheduleQuery, type RoomScheduleQuery } from '@psc/contracts/socialorg';
import { ApiErrors, ApiZodResponse, ZodQuery } from '@psc/server-kit';
import { z } from 'zod';
import { RoomBookingsService } from './room-bookings.service';

@ApiTags('rooms')
@Controller('rooms')
export class RoomsController {
  constructor(private readonly bookings: RoomBookingsService) {}

  /** What is booked at a centre from now on: who holds each booking only for its administrators and the holder. */
  @Get('bookings')
  @Roles('org_member', 'centre_admin', 'city_admin')
  @ApiZodResponse(z.array(bookingView))
  @ApiErrors('AUTH.OUT_OF_SCOPE')
  schedule(
    @ZodQuery(roomScheduleQuery) { centreId }: RoomScheduleQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.bookings.schedule(centreId, principal);
  }
}
