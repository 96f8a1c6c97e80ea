import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Public, Roles } from '@psc/auth';
import {
  answerRectificationRequest,
  type AnswerRectificationRequest,
  caseActionRequest,
  type CaseActionRequest,
  caseAlert,
  caseAlertsQuery,
  type CaseAlertsQuery,
  caseListQuery,
  type CaseListQuery,
  caseProgress,
  caseProgressQuery,
  type CaseProgressQuery,
  caseView,
  type OpenCaseHeaders,
  openCaseHeaders,
  openCaseRequest,
  type OpenCaseRequest,
  ratingLinkQuery,
  type RatingLinkQuery,
  rateByLinkRequest,
  type RateByLinkRequest,
  rateCaseRequest,
  type RateCaseRequest,
  supplyDeferredRequest,
  type SupplyDeferredRequest,
} from '@psc/contracts/affairs';
import { ApiErrors, ApiZodBody, ApiZodResponse, ZodHeaders, ZodPipe, ZodQuery } from '@psc/server-kit';
import { z } from 'zod';
import { CaseIntakeService } from './case-intake.service';
import { CaseLookupService } from './case-lookup.service';
import { CaseQueriesService } from './case-queries.service';
import { CaseRatingService } from './case-rating.service';
import { CaseRectificationService } from './case-rectification.service';
import { CaseStepsService } from './case-steps.service';

// a step on a case finds it, checks the caller's scope, the state machine and the revision the caller saw
const STEP_ERRORS = [
  'AFFAIRS.CASE_NOT_FOUND',
  'AUTH.OUT_OF_SCOPE',
  'AFFAIRS.ILLEGAL_TRANSITION',
  'AFFAIRS.CASE_CHANGED',
] as const;

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
  @ApiZodResponse(caseView)
  @ApiErrors(
    'AFFAIRS.IDEMPOTENCY_KEY_REQUIRED',
    'AUTH.OUT_OF_SCOPE',
    'AFFAIRS.ITEM_NOT_AVAILABLE',
    'AFFAIRS.CHECKLIST_INCOMPLETE',
  )
  open(
    @ZodHeaders(openCaseHeaders, { code: 'AFFAIRS.IDEMPOTENCY_KEY_REQUIRED' })
    { 'Idempotency-Key': key }: OpenCaseHeaders,
    @Body(new ZodPipe(openCaseRequest)) body: OpenCaseRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.intake.open(body, key, principal);
  }

  /** A centre's cases: all still being handled, finished ones of the last 13 weeks; the newest 500. */
  @Get()
  @Roles('counter_staff', 'dept_reviewer', 'centre_admin', 'city_admin')
  @ApiZodResponse(z.array(caseView))
  @ApiErrors('AUTH.OUT_OF_SCOPE')
  list(@ZodQuery(caseListQuery) query: CaseListQuery, @CurrentPrincipal() principal: Principal) {
    return this.queries.list(query, principal);
  }

  /** Time-limit alerts that stand now; the workbench shows them on opening, then follows new ones live. */
  @Get('alerts')
  @Roles('counter_staff', 'dept_reviewer', 'centre_admin', 'city_admin')
  @ApiZodResponse(z.array(caseAlert))
  @ApiErrors('AUTH.OUT_OF_SCOPE')
  alerts(@ZodQuery(caseAlertsQuery) query: CaseAlertsQuery, @CurrentPrincipal() principal: Principal) {
    return this.queries.alerts(query.centreId, principal);
  }

  @Get('mine')
  @Roles('resident')
  @ApiZodResponse(z.array(caseProgress))
  mine(@CurrentPrincipal() principal: Principal) {
    return this.queries.mine(principal);
  }

  /** Progress for anyone holding the case number and the last 6 of the applicant's ID number (kiosk, QR code). */
  @Get(':caseNo/progress')
  @Public()
  @ApiZodResponse(caseProgress)
  @ApiErrors('AFFAIRS.LOOKUP_FAILED')
  progress(@Param('caseNo') caseNo: string, @ZodQuery(caseProgressQuery) { idTail }: CaseProgressQuery) {
    return this.lookup.progress(caseNo, idTail.trim().toUpperCase());
  }

  /** The case behind the rating link texted on delivery (its token instead of a sign-in). */
  @Get(':caseNo/rating-link')
  @Public()
  @ApiZodResponse(caseProgress)
  @ApiErrors('AFFAIRS.RATING_LINK_INVALID')
  ratingLink(@Param('caseNo') caseNo: string, @ZodQuery(ratingLinkQuery) { t: token }: RatingLinkQuery) {
    return this.rating.ratingLink(caseNo, token.trim());
  }

  @Post(':caseNo/rating-link')
  @HttpCode(200)
  @Public()
  @ApiZodBody(rateByLinkRequest)
  @ApiZodResponse(caseView)
  @ApiErrors(
    'AFFAIRS.RATING_LINK_INVALID',
    'AFFAIRS.ILLEGAL_TRANSITION',
    'AFFAIRS.ALREADY_RATED',
    'AFFAIRS.CASE_CHANGED',
  )
  rateByLink(@Param('caseNo') caseNo: string, @Body(new ZodPipe(rateByLinkRequest)) body: RateByLinkRequest) {
    return this.rating.rateByLink(caseNo, body);
  }

  @Get(':caseNo')
  @Roles('resident', 'counter_staff', 'dept_reviewer', 'centre_admin', 'city_admin')
  @ApiZodResponse(caseView)
  @ApiErrors('AFFAIRS.CASE_NOT_FOUND', 'AUTH.OUT_OF_SCOPE', 'AUTH.NOT_OWN_RECORD')
  get(@Param('caseNo') caseNo: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.get(caseNo, principal);
  }

  @Post(':caseNo/actions')
  @HttpCode(200)
  @Roles('counter_staff', 'dept_reviewer', 'centre_admin')
  @ApiZodBody(caseActionRequest)
  @ApiZodResponse(caseView)
  @ApiErrors(...STEP_ERRORS, 'AFFAIRS.CHECKLIST_INCOMPLETE')
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
  @ApiZodResponse(caseView)
  @ApiErrors(...STEP_ERRORS)
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
  @ApiZodResponse(caseView)
  @ApiErrors(...STEP_ERRORS, 'AUTH.NOT_OWN_RECORD', 'AFFAIRS.ALREADY_RATED')
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
  @ApiZodResponse(caseView)
  @ApiErrors(...STEP_ERRORS)
  rectify(
    @Param('caseNo') caseNo: string,
    @Body(new ZodPipe(answerRectificationRequest)) body: AnswerRectificationRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.rectification.answer(caseNo, body.answer, principal);
  }
}
