import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@psc/auth';
import {
  createTeamRequest,
  type CreateTeamRequest,
  idParams,
  type IdParams,
  joinTeamRequest,
  type JoinTeamRequest,
  partyReportRequest,
  type PartyReportRequest,
  registerVolunteerRequest,
  type RegisterVolunteerRequest,
  revealedName,
  revealNameRequest,
  type RevealNameRequest,
  teamListQuery,
  type TeamListQuery,
  teamView,
  volunteerListQuery,
  type VolunteerListQuery,
  volunteerView,
} from '@psc/contracts/volunteer';
import { ApiErrors, ApiZodBody, ApiZodResponse, ZodParams, ZodPipe, ZodQuery } from '@psc/server-kit';
import { z } from 'zod';
import { TeamsService } from './teams.service';
import { VolunteersService } from './volunteers.service';

@ApiTags('volunteers')
@Controller('volunteers')
export class VolunteersController {
  constructor(private readonly volunteers: VolunteersService) {}

  /** A resident signed in at the kiosk (or the portal) registers with their real name. */
  @Post('me')
  @Roles('resident')
  @ApiZodBody(registerVolunteerRequest)
  @ApiZodResponse(volunteerView)
  @ApiErrors('VOLUNTEER.ALREADY_REGISTERED')
  register(
    @Body(new ZodPipe(registerVolunteerRequest)) body: RegisterVolunteerRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.volunteers.register(body, principal);
  }

  @Get('me')
  @Roles('resident')
  @ApiZodResponse(volunteerView)
  @ApiErrors('VOLUNTEER.NOT_REGISTERED')
  me(@CurrentPrincipal() principal: Principal) {
    return this.volunteers.me(principal);
  }

  /** 双报到 of a 在职党员: the employer unit, the residence community, the day. */
  @Post('me/party-report')
  @HttpCode(200)
  @Roles('resident')
  @ApiZodBody(partyReportRequest)
  @ApiZodResponse(volunteerView)
  @ApiErrors('VOLUNTEER.NOT_REGISTERED')
  reportParty(
    @Body(new ZodPipe(partyReportRequest)) body: PartyReportRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.volunteers.reportParty(body, principal);
  }

  @Get()
  @Roles('centre_admin', 'city_admin', 'counter_staff')
  @ApiZodResponse(z.array(volunteerView))
  @ApiErrors('AUTH.OUT_OF_SCOPE')
  list(@ZodQuery(volunteerListQuery) query: VolunteerListQuery, @CurrentPrincipal() principal: Principal) {
    return this.volunteers.list(query.centreId, principal);
  }

  /** The full name, for a stated purpose; every reveal is audited (volunteer.volunteer.pii-accessed). */
  @Post(':id/name')
  @HttpCode(200)
  @Roles('centre_admin', 'city_admin')
  @ApiZodBody(revealNameRequest)
  @ApiZodResponse(revealedName)
  @ApiErrors('VOLUNTEER.VOLUNTEER_NOT_FOUND', 'AUTH.OUT_OF_SCOPE')
  revealName(
    @ZodParams(idParams) { id }: IdParams,
    @Body(new ZodPipe(revealNameRequest)) body: RevealNameRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.volunteers.revealName(id, body.purpose, principal);
  }
}

const TEAM_MANAGERS = ['centre_admin', 'city_admin', 'org_member'] as const;

@ApiTags('teams')
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Post()
  @Roles(...TEAM_MANAGERS)
  @ApiZodBody(createTeamRequest)
  @ApiZodResponse(teamView)
  @ApiErrors('AUTH.OUT_OF_SCOPE', 'VOLUNTEER.VOLUNTEER_NOT_FOUND')
  create(
    @Body(new ZodPipe(createTeamRequest)) body: CreateTeamRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.teams.create(body, principal);
  }

  @Post(':id/members')
  @HttpCode(200)
  @Roles(...TEAM_MANAGERS)
  @ApiZodBody(joinTeamRequest)
  @ApiZodResponse(teamView)
  @ApiErrors('VOLUNTEER.TEAM_NOT_FOUND', 'AUTH.OUT_OF_SCOPE', 'VOLUNTEER.VOLUNTEER_NOT_FOUND')
  join(
    @ZodParams(idParams) { id }: IdParams,
    @Body(new ZodPipe(joinTeamRequest)) body: JoinTeamRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.teams.join(id, body.volunteerId, principal);
  }

  @Get()
  @Roles('centre_admin', 'city_admin', 'counter_staff')
  @ApiZodResponse(z.array(teamView))
  @ApiErrors('AUTH.OUT_OF_SCOPE')
  list(@ZodQuery(teamListQuery) query: TeamListQuery, @CurrentPrincipal() principal: Principal) {
    return this.teams.list(query.centreId, principal);
  }
}
