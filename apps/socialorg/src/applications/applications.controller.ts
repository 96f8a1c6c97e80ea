import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@psc/auth';
import {
  applicationActionRequest,
  type ApplicationActionRequest,
  applicationListQuery,
  type ApplicationListQuery,
  applicationView,
  createApplicationRequest,
  type CreateApplicationRequest,
  updateApplicationRequest,
  type UpdateApplicationRequest,
} from '@psc/contracts/socialorg';
import { ApiErrors, ApiZodBody, ApiZodResponse, ZodPipe, ZodQuery } from '@psc/server-kit';
import { z } from 'zod';
import { ApplicationDraftingService } from './application-drafting.service';
import { ApplicationQueriesService } from './application-queries.service';
import { ApplicationStepsService } from './application-steps.service';

const STEP_ERRORS = [
  'SOCIALORG.APPLICATION_NOT_FOUND',
  'AUTH.OUT_OF_SCOPE',
  'SOCIALORG.CALL_NOT_OPEN',
  'SOCIALORG.APPLICATION_ILLEGAL_STEP',
  'SOCIALORG.APPLICATION_CHANGED',
] as const;

/** 申报: an organisation's staff write, submit or withdraw their own; nobody else's are theirs to see. */
@ApiTags('applications')
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly drafting: ApplicationDraftingService,
    private readonly steps: ApplicationStepsService,
    private readonly queries: ApplicationQueriesService,
  ) {}

  @Post()
  @Roles('org_member')
  @ApiZodBody(createApplicationRequest)
  @ApiZodResponse(applicationView)
  @ApiErrors(
    'AUTH.OUT_OF_SCOPE',
    'SOCIALORG.CALL_NOT_FOUND',
    'SOCIALORG.CALL_NOT_OPEN',
    'SOCIALORG.ORGANISATION_NOT_FOUND',
    'SOCIALORG.ALREADY_APPLIED',
  )
  create(
    @Body(new ZodPipe(createApplicationRequest)) body: CreateApplicationRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.drafting.create(body, principal);
  }

  @Get()
  @Roles('org_member', 'centre_admin', 'city_admin')
  @ApiZodResponse(z.array(applicationView))
  @ApiErrors('AUTH.OUT_OF_SCOPE', 'SOCIALORG.CALL_NOT_FOUND')
  list(
    @ZodQuery(applicationListQuery) query: ApplicationListQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.queries.list(query, principal);
  }

  @Get(':applicationId')
  @Roles('org_member', 'expert_reviewer', 'centre_admin', 'city_admin')
  @ApiZodResponse(applicationView)
  @ApiErrors('SOCIALORG.APPLICATION_NOT_FOUND', 'SOCIALORG.CALL_NOT_FOUND', 'AUTH.OUT_OF_SCOPE')
  get(@Param('applicationId') applicationId: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.get(applicationId, principal);
  }

  @Put(':applicationId')
  @Roles('org_member')
  @ApiZodBody(updateApplicationRequest)
  @ApiZodResponse(applicationView)
  @ApiErrors(...STEP_ERRORS, 'SOCIALORG.CALL_NOT_FOUND')
  update(
    @Param('applicationId') applicationId: string,
    @Body(new ZodPipe(updateApplicationRequest)) body: UpdateApplicationRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.drafting.update(applicationId, body, principal);
  }

  @Post(':applicationId/actions')
  @HttpCode(200)
  @Roles('org_member')
  @ApiZodBody(applicationActionRequest)
  @ApiZodResponse(applicationView)
  @ApiErrors(...STEP_ERRORS, 'SOCIALORG.CALL_NOT_FOUND', 'SOCIALORG.ORGANISATION_NOT_FOUND')
  act(
    @Param('applicationId') applicationId: string,
    @Body(new ZodPipe(applicationActionRequest)) body: ApplicationActionRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.steps.act(applicationId, body, principal);
  }
}
