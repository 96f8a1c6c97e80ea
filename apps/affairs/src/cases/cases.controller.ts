import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Public, Roles } from '@psc/auth';
import {
  answerRectificationRequest,
  type AnswerRectificationRequest,
  caseActionRequest,
  type CaseActionRequest,
  caseAlertsQuery,
  type CaseAlertsQuery,
  caseListQuery,
  type CaseListQuery,
  openCaseRequest,
  type OpenCaseRequest,
  rateByLinkRequest,
  type RateByLinkRequest,
  rateCaseRequest,
  type RateCaseRequest,
  supplyDeferredRequest,
  type SupplyDeferredRequest,
} from '@psc/contracts/affairs';
import { ApiZodBody, AppError, ZodPipe } from '@psc/server-kit';
import { CaseIntakeService } from './case-intake.service';
import { CaseLookupService } from './case-lookup.service';
import { CaseQueriesService } from './case-queries.service';
import { CaseRatingService } from './case-rating.service';
import { CaseRectificationService } from './case-rectification.service';
import { CaseStepsService } from './case-steps.service';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/;

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(
    private readonly intake: CaseIntakeService,
    private readonly steps: CaseStepsService,
    private readonly rating: CaseRatingService,
    private readonly rectification: CaseRectificationService,
    private readonly lookup: CaseLookupService,
    private readonly queries: CaseQueriesService,
  ) {}

  /** `Idempotency-Key` (made by the workbench once per intake form) turns a double submission into one case. */
  @Post()
  @Roles('counter_staff', 'centre_admin')
  @ApiZodBody(openCaseRequest)
  open(
    @Headers('idempotency-key') key: string | undefined,
    @Body(new ZodPipe(openCaseRequest)) body: OpenCaseRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    if (!key || !IDEMPOTENCY_KEY.test(key)) throw new AppError('AFFAIRS.IDEMPOTENCY_KEY_REQUIRED');
    return this.intake.open(body, key, principal);
  }

  @Get()
  @Roles('counter_staff', 'dept_reviewer', 'centre_admin', 'city_admin')
  @ApiQuery({ name: 'centreId' })
  @ApiQuery({ name: 'state', required: false })
  @ApiQuery({ name: 'sla', required: false })
  @ApiQuery({ name: 'assignee', required: false })
  list(@Query(new ZodPipe(caseListQuery)) query: CaseListQuery, @CurrentPrincipal() principal: Principal) {
    return this.queries.list(query, principal);
  }

  /** Time-limit alerts that stand now; the workbench shows them on opening, then follows new ones live. */
  @Get('alerts')
  @Roles('counter_staff', 'dept_reviewer', 'centre_admin', 'city_admin')
  @ApiQuery({ name: 'centreId' })
  alerts(
    @Query(new ZodPipe(caseAlertsQuery)) query: CaseAlertsQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.queries.alerts(query.centreId, principal);
  }

  @Get('mine')
  @Roles('resident')
  mine(@CurrentPrincipal() principal: Principal) {
    return this.queries.mine(principal);
  }

  /** Progress for anyone holding the case number and the last 6 of the applicant's ID number (kiosk, QR code). */
  @Get(':caseNo/progress')
  @Public()
  @ApiQuery({ name: 'idTail' })
  progress(@Param('caseNo') caseNo: string, @Query('idTail') idTail = '') {
    return this.lookup.progress(caseNo, idTail.trim().toUpperCase());
  }

  /** The case behind the rating link texted on delivery (its token instead of a sign-in). */
  @Get(':caseNo/rating-link')
  @Public()
  @ApiQuery({ name: 't' })
  ratingLink(@Param('caseNo') caseNo: string, @Query('t') token = '') {
    return this.rating.ratingLink(caseNo, token.trim());
  }

  @Post(':caseNo/rating-link')
  @HttpCode(200)
  @Public()
  @ApiZodBody(rateByLinkRequest)
  rateByLink(@Param('caseNo') caseNo: string, @Body(new ZodPipe(rateByLinkRequest)) body: RateByLinkRequest) {
    return this.rating.rateByLink(caseNo, body);
  }

  @Get(':caseNo')
  @Roles('resident', 'counter_staff', 'dept_reviewer', 'centre_admin', 'city_admin')
  get(@Param('caseNo') caseNo: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.get(caseNo, principal);
  }

  @Post(':caseNo/actions')
  @HttpCode(200)
  @Roles('counter_staff', 'dept_reviewer', 'centre_admin')
  @ApiZodBody(caseActionRequest)
  act(
    @Param('caseNo') caseNo: string,
    @Body(new ZodPipe(caseActionRequest)) body: CaseActionRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.steps.act(caseNo, body, principal);
  }

  /** 容缺 materials brought or sent after acceptance. */
  @Post(':caseNo/deferred')
  @HttpCode(200)
  @Roles('counter_staff', 'centre_admin')
  @ApiZodBody(supplyDeferredRequest)
  supplyDeferred(
    @Param('caseNo') caseNo: string,
    @Body(new ZodPipe(supplyDeferredRequest)) body: SupplyDeferredRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.steps.supplyDeferred(caseNo, body.revision, body.inPerson, principal);
  }

  @Post(':caseNo/rating')
  @HttpCode(200)
  @Roles('resident')
  @ApiZodBody(rateCaseRequest)
  rate(
    @Param('caseNo') caseNo: string,
    @Body(new ZodPipe(rateCaseRequest)) body: RateCaseRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.rating.rate(caseNo, body, principal);
  }

  @Post(':caseNo/rectification')
  @HttpCode(200)
  @Roles('centre_admin')
  @ApiZodBody(answerRectificationRequest)
  rectify(
    @Param('caseNo') caseNo: string,
    @Body(new ZodPipe(answerRectificationRequest)) body: AnswerRectificationRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.rectification.answer(caseNo, body.answer, principal);
  }
}
