import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Public, Roles } from '@psc/auth';
import {
  activityListQuery,
  type ActivityListQuery,
  activityView,
  approvalResult,
  approveActivityRequest,
  type ApproveActivityRequest,
  closeAttendanceRequest,
  type CloseAttendanceRequest,
  idParams,
  type IdParams,
  kioskAttendanceRequest,
  type KioskAttendanceRequest,
  organiserActivityView,
  organiserAttendanceRequest,
  type OrganiserAttendanceRequest,
  publishActivityRequest,
  type PublishActivityRequest,
  signupView,
  volunteerParams,
  type VolunteerParams,
} from '@psc/contracts/volunteer';
import { ApiErrors, ApiZodBody, ApiZodResponse, ZodParams, ZodPipe, ZodQuery } from '@psc/server-kit';
import { z } from 'zod';
import { ActivitiesService } from './activities.service';
import { AttendanceService } from './attendance.service';
import { SignupsService } from './signups.service';

const ORGANISERS = ['centre_admin', 'city_admin', 'org_member'] as const;
const ORGANISER_ERRORS = ['VOLUNTEER.ACTIVITY_NOT_FOUND', 'AUTH.OUT_OF_SCOPE'] as const;

@ApiTags('activities')
@Controller('activities')
export class ActivitiesController {
  constructor(
    private readonly activities: ActivitiesService,
    private readonly signups: SignupsService,
    private readonly attendance: AttendanceService,
  ) {}

  @Post()
  @Roles(...ORGANISERS)
  @ApiZodBody(publishActivityRequest)
  @ApiZodResponse(organiserActivityView)
  @ApiErrors('AUTH.OUT_OF_SCOPE', 'VOLUNTEER.ACTIVITY_TIME_INVALID', 'VOLUNTEER.TEAM_NOT_FOUND')
  publish(
    @Body(new ZodPipe(publishActivityRequest)) body: PublishActivityRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.activities.publish(body, principal);
  }

  /** A centre's coming activities, for the kiosk's 志愿服务 screen and the portal: no personal data. */
  @Get()
  @Public()
  @ApiZodResponse(z.array(activityView))
  list(@ZodQuery(activityListQuery) query: ActivityListQuery) {
    return this.activities.list(query);
  }

  @Get(':id')
  @Public()
  @ApiZodResponse(activityView)
  @ApiErrors('VOLUNTEER.ACTIVITY_NOT_FOUND')
  view(@ZodParams(idParams) { id }: IdParams) {
    return this.activities.view(id);
  }

  /** The organiser's view with the check-in code and the QR poster's text. */
  @Get(':id/organiser')
  @Roles(...ORGANISERS)
  @ApiZodResponse(organiserActivityView)
  @ApiErrors(...ORGANISER_ERRORS)
  organiserView(@ZodParams(idParams) { id }: IdParams, @CurrentPrincipal() principal: Principal) {
    return this.activities.organiserView(id, principal);
  }

  @Post(':id/signups')
  @Roles('resident')
  @ApiZodResponse(signupView)
  @ApiErrors(
    'VOLUNTEER.ACTIVITY_NOT_FOUND',
    'VOLUNTEER.NOT_REGISTERED',
    'VOLUNTEER.ACTIVITY_CLOSED',
    'VOLUNTEER.ALREADY_SIGNED_UP',
  )
  join(@ZodParams(idParams) { id }: IdParams, @CurrentPrincipal() principal: Principal) {
    return this.signups.join(id, principal);
  }

  @Get(':id/signups/me')
  @Roles('resident')
  @ApiZodResponse(signupView)
  @ApiErrors('VOLUNTEER.NOT_REGISTERED', 'VOLUNTEER.NOT_SIGNED_UP')
  mine(@ZodParams(idParams) { id }: IdParams, @CurrentPrincipal() principal: Principal) {
    return this.signups.mine(id, principal);
  }

  /** Leaving before checking in; the first on the waiting list takes the place. */
  @Delete(':id/signups/me')
  @Roles('resident')
  @ApiZodResponse(signupView)
  @ApiErrors('VOLUNTEER.NOT_REGISTERED', 'VOLUNTEER.NOT_SIGNED_UP', 'VOLUNTEER.ATTENDANCE_STATE')
  cancel(@ZodParams(idParams) { id }: IdParams, @CurrentPrincipal() principal: Principal) {
    return this.signups.cancel(id, principal);
  }

  @Get(':id/signups')
  @Roles(...ORGANISERS)
  @ApiZodResponse(z.array(signupView))
  @ApiErrors(...ORGANISER_ERRORS)
  signupsOf(@ZodParams(idParams) { id }: IdParams, @CurrentPrincipal() principal: Principal) {
    return this.signups.ofActivity(id, principal);
  }

  /** The organiser checks a volunteer in or out (a volunteer without a kiosk session, or a correction on the day). */
  @Post(':id/attendance/:volunteerId')
  @HttpCode(200)
  @Roles(...ORGANISERS)
  @ApiZodBody(organiserAttendanceRequest)
  @ApiZodResponse(signupView)
  @ApiErrors(...ORGANISER_ERRORS, 'VOLUNTEER.NOT_SIGNED_UP', 'VOLUNTEER.ATTENDANCE_STATE')
  record(
    @ZodParams(volunteerParams) { id, volunteerId }: VolunteerParams,
    @Body(new ZodPipe(organiserAttendanceRequest)) body: OrganiserAttendanceRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.attendance.byOrganiser(id, volunteerId, body, principal);
  }

  /** 补签退: closes what a volunteer forgot, with the end time and reason the organiser states. */
  @Post(':id/attendance/:volunteerId/close')
  @HttpCode(200)
  @Roles(...ORGANISERS)
  @ApiZodBody(closeAttendanceRequest)
  @ApiZodResponse(signupView)
  @ApiErrors(...ORGANISER_ERRORS, 'VOLUNTEER.NOT_SIGNED_UP', 'VOLUNTEER.ATTENDANCE_STATE')
  close(
    @ZodParams(volunteerParams) { id, volunteerId }: VolunteerParams,
    @Body(new ZodPipe(closeAttendanceRequest)) body: CloseAttendanceRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.attendance.close(id, volunteerId, body, principal);
  }

  /** The organiser approves the hours: each checked-out attendance becomes one ledger entry, once. */
  @Post(':id/approve')
  @HttpCode(200)
  @Roles(...ORGANISERS)
  @ApiZodBody(approveActivityRequest)
  @ApiZodResponse(approvalResult)
  @ApiErrors(...ORGANISER_ERRORS)
  approve(
    @ZodParams(idParams) { id }: IdParams,
    @Body(new ZodPipe(approveActivityRequest)) body: ApproveActivityRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.attendance.approve(id, body, principal);
  }
}

const KIOSK_ERRORS = [
  'VOLUNTEER.CODE_NOT_FOUND',
  'VOLUNTEER.NOT_REGISTERED',
  'VOLUNTEER.NOT_SIGNED_UP',
  'VOLUNTEER.ATTENDANCE_STATE',
] as const;

/** At the kiosk: the resident has identified; the code is typed or read from the activity's QR poster. */
@ApiTags('attendance')
@Controller('attendance')
export class AttendanceController {
  constructor(private readonly attendance: AttendanceService) {}

  @Post('check-in')
  @HttpCode(200)
  @Roles('resident')
  @ApiZodBody(kioskAttendanceRequest)
  @ApiZodResponse(signupView)
  @ApiErrors(...KIOSK_ERRORS, 'VOLUNTEER.ACTIVITY_CLOSED', 'VOLUNTEER.ALREADY_SIGNED_UP')
  checkIn(
    @Body(new ZodPipe(kioskAttendanceRequest)) body: KioskAttendanceRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.attendance.kioskCheckIn(body.code, principal);
  }

  @Post('check-out')
  @HttpCode(200)
  @Roles('resident')
  @ApiZodBody(kioskAttendanceRequest)
  @ApiZodResponse(signupView)
  @ApiErrors(...KIOSK_ERRORS)
  checkOut(
    @Body(new ZodPipe(kioskAttendanceRequest)) body: KioskAttendanceRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.attendance.kioskCheckOut(body.code, principal);
  }
}
