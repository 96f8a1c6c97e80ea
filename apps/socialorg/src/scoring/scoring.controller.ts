import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@psc/auth';
import {
  applicationReviewsView,
  assignReviewersRequest,
  type AssignReviewersRequest,
  callView,
  declarationRequest,
  type DeclarationRequest,
  rankingView,
  reviewAssignmentView,
  reviewView,
  scoreSheetRequest,
  type ScoreSheetRequest,
} from '@psc/contracts/socialorg';
import { ApiErrors, ApiZodBody, ApiZodResponse, ZodPipe } from '@psc/server-kit';
import { z } from 'zod';
import { ReviewQueriesService } from './review-queries.service';
import { ReviewerAssignmentService } from './reviewer-assignment.service';
import { ReviewingService } from './reviewing.service';
import { ScoringStepsService } from './scoring-steps.service';

const CALL_ERRORS = [
  'SOCIALORG.CALL_NOT_FOUND',
  'AUTH.OUT_OF_SCOPE',
  'SOCIALORG.CALL_ILLEGAL_STEP',
  'SOCIALORG.CALL_CHANGED',
] as const;
const ASSIGN_ERRORS = [
  'SOCIALORG.APPLICATION_NOT_FOUND',
  'SOCIALORG.CALL_NOT_FOUND',
  'AUTH.OUT_OF_SCOPE',
  'SOCIALORG.CALL_ILLEGAL_STEP',
] as const;
const REVIEWER_ERRORS = [
  'SOCIALORG.REVIEW_NOT_FOUND',
  'SOCIALORG.CALL_NOT_FOUND',
  'AUTH.OUT_OF_SCOPE',
  'SOCIALORG.REVIEW_ILLEGAL_STEP',
  'SOCIALORG.CONFLICT_OF_INTEREST',
] as const;

/** 专家评审: reviewers assigned per application, conflicts declared first, blind scores, then the ranking. */
@ApiTags('scoring')
@Controller()
export class ScoringController {
  constructor(
    private readonly steps: ScoringStepsService,
    private readonly assignment: ReviewerAssignmentService,
    private readonly reviewing: ReviewingService,
    private readonly queries: ReviewQueriesService,
  ) {}

  /** The call's `start_scoring` step. */
  @Post('calls/:callId/scoring')
  @HttpCode(200)
  @Roles('centre_admin', 'city_admin')
  @ApiZodResponse(callView)
  @ApiErrors(...CALL_ERRORS)
  startScoring(@Param('callId') callId: string, @CurrentPrincipal() principal: Principal) {
    return this.steps.startScoring(callId, principal);
  }

  /** The call's `rank` step: aggregates the sheets by the call's rule and ranks with its tie-break. */
  @Post('calls/:callId/ranking')
  @HttpCode(200)
  @Roles('centre_admin', 'city_admin')
  @ApiZodResponse(rankingView)
  @ApiErrors(...CALL_ERRORS, 'SOCIALORG.REVIEWS_OUTSTANDING')
  rank(@Param('callId') callId: string, @CurrentPrincipal() principal: Principal) {
    return this.steps.rank(callId, principal);
  }

  @Get('calls/:callId/ranking')
  @Roles('centre_admin', 'city_admin')
  @ApiZodResponse(rankingView)
  @ApiErrors('SOCIALORG.CALL_NOT_FOUND', 'AUTH.OUT_OF_SCOPE', 'SOCIALORG.CALL_ILLEGAL_STEP')
  ranking(@Param('callId') callId: string, @CurrentPrincipal() principal: Principal) {
    return this.steps.ranking(callId, principal);
  }

  @Post('applications/:applicationId/reviewers')
  @HttpCode(200)
  @Roles('centre_admin', 'city_admin')
  @ApiZodBody(assignReviewersRequest)
  @ApiZodResponse(applicationReviewsView)
  @ApiErrors(...ASSIGN_ERRORS, 'SOCIALORG.APPLICATION_ILLEGAL_STEP')
  assign(
    @Param('applicationId') applicationId: string,
    @Body(new ZodPipe(assignReviewersRequest)) body: AssignReviewersRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.assignment.assign(applicationId, body, principal);
  }

  @Post('applications/:applicationId/reviewers/:reviewerId/revoke')
  @HttpCode(200)
  @Roles('centre_admin', 'city_admin')
  @ApiZodResponse(applicationReviewsView)
  @ApiErrors(...ASSIGN_ERRORS, 'SOCIALORG.REVIEW_NOT_FOUND', 'SOCIALORG.REVIEW_ILLEGAL_STEP')
  revoke(
    @Param('applicationId') applicationId: string,
    @Param('reviewerId') reviewerId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.assignment.revoke(applicationId, reviewerId, principal);
  }

  /** Other reviewers' scores stay hidden until every review of the application is in. */
  @Get('applications/:applicationId/reviews')
  @Roles('expert_reviewer', 'centre_admin', 'city_admin')
  @ApiZodResponse(applicationReviewsView)
  @ApiErrors('SOCIALORG.APPLICATION_NOT_FOUND', 'SOCIALORG.CALL_NOT_FOUND', 'AUTH.OUT_OF_SCOPE')
  reviews(@Param('applicationId') applicationId: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.ofApplication(applicationId, principal);
  }

  @Post('applications/:applicationId/review/declaration')
  @HttpCode(200)
  @Roles('expert_reviewer')
  @ApiZodBody(declarationRequest)
  @ApiZodResponse(reviewView)
  @ApiErrors(...REVIEWER_ERRORS)
  declare(
    @Param('applicationId') applicationId: string,
    @Body(new ZodPipe(declarationRequest)) body: DeclarationRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.reviewing.declare(applicationId, body, principal);
  }

  @Post('applications/:applicationId/review/sheet')
  @HttpCode(200)
  @Roles('expert_reviewer')
  @ApiZodBody(scoreSheetRequest)
  @ApiZodResponse(reviewView)
  @ApiErrors(...REVIEWER_ERRORS)
  submit(
    @Param('applicationId') applicationId: string,
    @Body(new ZodPipe(scoreSheetRequest)) body: ScoreSheetRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.reviewing.submit(applicationId, body, principal);
  }

  @Get('reviews/mine')
  @Roles('expert_reviewer')
  @ApiZodResponse(z.array(reviewAssignmentView))
  @ApiErrors('SOCIALORG.APPLICATION_NOT_FOUND', 'SOCIALORG.CALL_NOT_FOUND')
  mine(@CurrentPrincipal() principal: Principal) {
    return this.queries.mine(principal);
  }
}
