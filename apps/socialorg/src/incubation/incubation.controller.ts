import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@psc/auth';
import {
  applyIncubationRequest,
  type ApplyIncubationRequest,
  assessIncubationRequest,
  type AssessIncubationRequest,
  assignMentorRequest,
  type AssignMentorRequest,
  bookingParams,
  type BookingParams,
  bookingView,
  bookRoomRequest,
  type BookRoomRequest,
  incubationActionRequest,
  type IncubationActionRequest,
  incubationBoardQuery,
  type IncubationBoardQuery,
  incubationParams,
  type IncubationParams,
  incubationSummary,
  incubationView,
  recordTrainingRequest,
  type RecordTrainingRequest,
  releaseRoomRequest,
  type ReleaseRoomRequest,
} from '@psc/contracts/socialorg';
import { ApiErrors, ApiZodBody, ApiZodResponse, ZodParams, ZodPipe, ZodQuery } from '@psc/server-kit';
import { z } from 'zod';
import { IncubationApplyService } from './incubation-apply.service';
import { IncubationQueriesService } from './incubation-queries.service';
import { IncubationStepsService } from './incubation-steps.service';
import { IncubationSupportService } from './incubation-support.service';
import { RoomBookingsService } from './room-bookings.service';

// a step on an incubation finds it, checks the caller's place or organisation, the state machine and the revision
const STEP_ERRORS = [
  'SOCIALORG.INCUBATION_NOT_FOUND',
  'AUTH.OUT_OF_SCOPE',
  'SOCIALORG.INCUBATION_ILLEGAL_STEP',
  'SOCIALORG.INCUBATION_CHANGED',
] as const;

@ApiTags('incubations')
@Controller('incubations')
export class IncubationController {
  constructor(
    private readonly applications: IncubationApplyService,
    private readonly steps: IncubationStepsService,
    private readonly support: IncubationSupportService,
    private readonly bookings: RoomBookingsService,
    private readonly queries: IncubationQueriesService,
  ) {}

  /** 入驻申请 to a base; one active application or stay per organisation. */
  @Post()
  @Roles('org_member', 'centre_admin', 'city_admin')
  @ApiZodBody(applyIncubationRequest)
  @ApiZodResponse(incubationView)
  @ApiErrors(
    'SOCIALORG.ORGANISATION_NOT_FOUND',
    'AUTH.OUT_OF_SCOPE',
    'SOCIALORG.INCUBATION_INVALID',
    'SOCIALORG.INCUBATION_ACTIVE',
  )
  apply(
    @Body(new ZodPipe(applyIncubationRequest)) body: ApplyIncubationRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.applications.apply(body, principal);
  }

  /** The base's review board: waiting applications first, longest waiting at the top. */
  @Get()
  @Roles('centre_admin', 'city_admin')
  @ApiZodResponse(z.array(incubationSummary))
  @ApiErrors('AUTH.OUT_OF_SCOPE')
  board(
    @ZodQuery(incubationBoardQuery) { baseId }: IncubationBoardQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.queries.board(baseId, principal);
  }

  @Get('mine')
  @Roles('org_member')
  @ApiZodResponse(z.array(incubationView))
  mine(@CurrentPrincipal() principal: Principal) {
    return this.queries.mine(principal);
  }

  @Get(':incubationId')
  @Roles('org_member', 'centre_admin', 'city_admin')
  @ApiZodResponse(incubationView)
  @ApiErrors('SOCIALORG.INCUBATION_NOT_FOUND', 'AUTH.OUT_OF_SCOPE')
  get(
    @ZodParams(incubationParams) { incubationId }: IncubationParams,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.queries.get(incubationId, principal);
  }

  /** 准予入驻 / 不予入驻 / 出壳 / 退出 by the base, 撤回 by the organisation; 409 names what is possible now. */
  @Post(':incubationId/actions')
  @HttpCode(200)
  @Roles('org_member', 'centre_admin', 'city_admin')
  @ApiZodBody(incubationActionRequest)
  @ApiZodResponse(incubationView)
  @ApiErrors(...STEP_ERRORS, 'SOCIALORG.INCUBATION_INVALID', 'SOCIALORG.ASSESSMENT_NOT_PASSED')
  act(
    @ZodParams(incubationParams) { incubationId }: IncubationParams,
    @Body(new ZodPipe(incubationActionRequest)) body: IncubationActionRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.steps.act(incubationId, body, principal);
  }

  @Post(':incubationId/assessment')
  @HttpCode(200)
  @Roles('centre_admin', 'city_admin')
  @ApiZodBody(assessIncubationRequest)
  @ApiZodResponse(incubationView)
  @ApiErrors(...STEP_ERRORS)
  assess(
    @ZodParams(incubationParams) { incubationId }: IncubationParams,
    @Body(new ZodPipe(assessIncubationRequest)) body: AssessIncubationRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.steps.assess(incubationId, body, principal);
  }

  @Post(':incubationId/mentor')
  @HttpCode(200)
  @Roles('centre_admin', 'city_admin')
  @ApiZodBody(assignMentorRequest)
  @ApiZodResponse(incubationView)
  @ApiErrors(...STEP_ERRORS)
  assignMentor(
    @ZodParams(incubationParams) { incubationId }: IncubationParams,
    @Body(new ZodPipe(assignMentorRequest)) body: AssignMentorRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.support.assignMentor(incubationId, body, principal);
  }

  @Post(':incubationId/trainings')
  @HttpCode(200)
  @Roles('centre_admin', 'city_admin')
  @ApiZodBody(recordTrainingRequest)
  @ApiZodResponse(incubationView)
  @ApiErrors(...STEP_ERRORS)
  recordTraining(
    @ZodParams(incubationParams) { incubationId }: IncubationParams,
    @Body(new ZodPipe(recordTrainingRequest)) body: RecordTrainingRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.support.recordTraining(incubationId, body, principal);
  }

  /** A room of the base's centre for the incubated organisation; two bookings of one room never overlap. */
  @Post(':incubationId/bookings')
  @Roles('org_member', 'centre_admin', 'city_admin')
  @ApiZodBody(bookRoomRequest)
  @ApiZodResponse(bookingView)
  @ApiErrors(
    'SOCIALORG.INCUBATION_NOT_FOUND',
    'AUTH.OUT_OF_SCOPE',
    'SOCIALORG.INCUBATION_ILLEGAL_STEP',
    'SOCIALORG.BOOKING_INVALID',
    'SOCIALORG.ROOM_TAKEN',
    'COMMON.CONFLICT',
  )
  book(
    @ZodParams(incubationParams) { incubationId }: IncubationParams,
    @Body(new ZodPipe(bookRoomRequest)) body: BookRoomRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.bookings.book(incubationId, body, principal);
  }

  @Post(':incubationId/bookings/:bookingId/release')
  @HttpCode(200)
  @Roles('org_member', 'centre_admin', 'city_admin')
  @ApiZodBody(releaseRoomRequest)
  @ApiZodResponse(bookingView)
  @ApiErrors(
    'SOCIALORG.INCUBATION_NOT_FOUND',
    'AUTH.OUT_OF_SCOPE',
    'SOCIALORG.BOOKING_NOT_FOUND',
    'SOCIALORG.INCUBATION_ILLEGAL_STEP',
    'COMMON.CONFLICT',
  )
  release(
    @ZodParams(bookingParams) { incubationId, bookingId }: BookingParams,
    @Body(new ZodPipe(releaseRoomRequest)) body: ReleaseRoomRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.bookings.release(incubationId, bookingId, body, principal);
  }
}
