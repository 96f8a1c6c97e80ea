import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Public, Roles } from '@psc/auth';
import {
  type AttendanceRequest,
  attendanceRequest,
  type BookRoomRequest,
  bookRoomRequest,
  centreBookingsResponse,
  centreRoomsResponse,
  type RoomDayQuery,
  roomBookingView,
  roomDayQuery,
  type RoomParams,
  roomParams,
} from '@psc/contracts/catalogue';
import { ApiErrors, ApiZodBody, ApiZodResponse, ZodParams, ZodPipe, ZodQuery } from '@psc/server-kit';
import { z } from 'zod';
import { RoomBookingsService } from './room-bookings.service';

/** 场地预约: a centre's rooms by the slot; centre ids are scope paths, sent URL-encoded. */
@ApiTags('rooms')
@Controller()
export class RoomsController {
  constructor(private readonly rooms: RoomBookingsService) {}

  /** Which slots are free: counts only, nothing about who booked. */
  @Get('centres/:id/rooms')
  @Public()
  @ApiZodResponse(centreRoomsResponse)
  @ApiErrors('CATALOGUE.CENTRE_NOT_FOUND', 'CATALOGUE.SLOT_INVALID')
  day(@Param('id') id: string, @ZodQuery(roomDayQuery) { date }: RoomDayQuery) {
    return this.rooms.day(id, date);
  }

  @Post('centres/:id/rooms/:roomId/bookings')
  @Roles('resident')
  @HttpCode(201)
  @ApiZodBody(bookRoomRequest)
  @ApiZodResponse(roomBookingView)
  @ApiErrors(
    'CATALOGUE.CENTRE_NOT_FOUND',
    'CATALOGUE.ROOM_NOT_FOUND',
    'CATALOGUE.ROOM_NOT_BOOKABLE',
    'CATALOGUE.GROUP_NOT_ALLOWED',
    'CATALOGUE.TOO_MANY_ATTENDEES',
    'CATALOGUE.SLOT_INVALID',
    'CATALOGUE.SLOT_TAKEN',
    'CATALOGUE.ALREADY_BOOKED',
    'CATALOGUE.BOOKING_LIMIT',
  )
  book(
    @ZodParams(roomParams) { id, roomId }: RoomParams,
    @Body(new ZodPipe(bookRoomRequest)) body: BookRoomRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.rooms.book(id, roomId, body, principal);
  }

  @Get('rooms/bookings/mine')
  @Roles('resident')
  @ApiZodResponse(z.array(roomBookingView))
  mine(@CurrentPrincipal() principal: Principal) {
    return this.rooms.mine(principal);
  }

  @Post('rooms/bookings/:bookingId/cancel')
  @Roles('resident', 'counter_staff', 'centre_admin')
  @HttpCode(200)
  @ApiZodResponse(roomBookingView)
  @ApiErrors(
    'CATALOGUE.BOOKING_NOT_FOUND',
    'CATALOGUE.BOOKING_CLOSED',
    'AUTH.NOT_OWN_RECORD',
    'AUTH.OUT_OF_SCOPE',
  )
  cancel(@Param('bookingId') bookingId: string, @CurrentPrincipal() principal: Principal) {
    return this.rooms.cancel(bookingId, principal);
  }

  @Post('rooms/bookings/:bookingId/attendance')
  @Roles('counter_staff', 'centre_admin')
  @HttpCode(200)
  @ApiZodBody(attendanceRequest)
  @ApiZodResponse(roomBookingView)
  @ApiErrors(
    'CATALOGUE.BOOKING_NOT_FOUND',
    'CATALOGUE.BOOKING_CLOSED',
    'CATALOGUE.TOO_EARLY',
    'AUTH.OUT_OF_SCOPE',
  )
  attendance(
    @Param('bookingId') bookingId: string,
    @Body(new ZodPipe(attendanceRequest)) { outcome }: AttendanceRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.rooms.attendance(bookingId, outcome, principal);
  }

  /** The counter's 今日场地. */
  @Get('centres/:id/bookings')
  @Roles('counter_staff', 'centre_admin')
  @ApiZodResponse(centreBookingsResponse)
  @ApiErrors('CATALOGUE.CENTRE_NOT_FOUND', 'CATALOGUE.SLOT_INVALID', 'AUTH.OUT_OF_SCOPE')
  counterDay(
    @Param('id') id: string,
    @ZodQuery(roomDayQuery) { date }: RoomDayQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.rooms.counterDay(id, date, principal);
  }
}
