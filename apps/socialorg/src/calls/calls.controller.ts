import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Public, Roles } from '@psc/auth';
import {
  answerObjectionRequest,
  type AnswerObjectionRequest,
  callActionRequest,
  type CallActionRequest,
  callListQuery,
  type CallListQuery,
  callView,
  cancelAwardRequest,
  type CancelAwardRequest,
  createCallRequest,
  type CreateCallRequest,
  publicityView,
  raiseObjectionRequest,
  type RaiseObjectionRequest,
  updateCallRequest,
  type UpdateCallRequest,
} from '@psc/contracts/socialorg';
import { ApiErrors, ApiZodBody, ApiZodResponse, ZodPipe, ZodQuery } from '@psc/server-kit';
import { z } from 'zod';
import { CallDraftingService } from './call-drafting.service';
import { CallObjectionsService } from './call-objections.service';
import { CallQueriesService } from './call-queries.service';
import { CallStepsService } from './call-steps.service';

// a step on a call finds it, checks the caller administers its place, the state machine, and writes on its revision
const STEP_ERRORS = [
  'SOCIALORG.CALL_NOT_FOUND',
  'AUTH.OUT_OF_SCOPE',
  'SOCIALORG.CALL_ILLEGAL_STEP',
  'SOCIALORG.CALL_CHANGED',
] as const;

@ApiTags('calls')
@Controller('calls')
export class CallsController {
  constructor(
    private readonly drafting: CallDraftingService,
    private readonly steps: CallStepsService,
    private readonly objections: CallObjectionsService,
    private readonly queries: CallQueriesService,
  ) {}

  @Post()
  @Roles('centre_admin', 'city_admin')
  @ApiZodBody(createCallRequest)
  @ApiZodResponse(callView)
  @ApiErrors('AUTH.OUT_OF_SCOPE')
  create(
    @Body(new ZodPipe(createCallRequest)) body: CreateCallRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.drafting.create(body, principal);
  }

  /** Organisations read the calls open now (`?state=open`); administrators also see their drafts. */
  @Get()
  @Roles('org_member', 'expert_reviewer', 'centre_admin', 'city_admin')
  @ApiZodResponse(z.array(callView))
  list(@ZodQuery(callListQuery) query: CallListQuery, @CurrentPrincipal() principal: Principal) {
    return this.queries.list(query, principal);
  }

  @Get(':callId')
  @Roles('org_member', 'expert_reviewer', 'centre_admin', 'city_admin')
  @ApiZodResponse(callView)
  @ApiErrors('SOCIALORG.CALL_NOT_FOUND', 'AUTH.OUT_OF_SCOPE')
  get(@Param('callId') callId: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.get(callId, principal);
  }

  @Put(':callId')
  @Roles('centre_admin', 'city_admin')
  @ApiZodBody(updateCallRequest)
  @ApiZodResponse(callView)
  @ApiErrors(...STEP_ERRORS)
  update(
    @Param('callId') callId: string,
    @Body(new ZodPipe(updateCallRequest)) body: UpdateCallRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.drafting.update(callId, body, principal);
  }

  /** `start_scoring` and `rank` are `POST /calls/:callId/scoring` and `POST /calls/:callId/ranking`. */
  @Post(':callId/actions')
  @HttpCode(200)
  @Roles('centre_admin', 'city_admin')
  @ApiZodBody(callActionRequest)
  @ApiZodResponse(callView)
  @ApiErrors(
    ...STEP_ERRORS,
    'SOCIALORG.PUBLICITY_RUNNING',
    'SOCIALORG.OBJECTIONS_UNANSWERED',
    'SOCIALORG.OVER_BUDGET',
  )
  act(
    @Param('callId') callId: string,
    @Body(new ZodPipe(callActionRequest)) body: CallActionRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.steps.act(callId, body, principal);
  }

  /** 公示 is a public notice: the proposed awards, readable without signing in. */
  @Get(':callId/publicity')
  @Public()
  @ApiZodResponse(publicityView)
  @ApiErrors('SOCIALORG.CALL_NOT_FOUND')
  publicity(@Param('callId') callId: string) {
    return this.queries.publicity(callId);
  }

  @Post(':callId/objections')
  @Roles('org_member', 'centre_admin', 'city_admin')
  @ApiZodBody(raiseObjectionRequest)
  @ApiZodResponse(callView)
  @ApiErrors(
    'SOCIALORG.CALL_NOT_FOUND',
    'SOCIALORG.OBJECTION_WINDOW_CLOSED',
    'SOCIALORG.APPLICATION_NOT_FOUND',
    'SOCIALORG.CALL_CHANGED',
  )
  raiseObjection(
    @Param('callId') callId: string,
    @Body(new ZodPipe(raiseObjectionRequest)) body: RaiseObjectionRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.objections.raise(callId, body, principal);
  }

  @Post(':callId/objections/:objectionId/answer')
  @HttpCode(200)
  @Roles('centre_admin', 'city_admin')
  @ApiZodBody(answerObjectionRequest)
  @ApiZodResponse(callView)
  @ApiErrors(...STEP_ERRORS, 'SOCIALORG.OBJECTION_NOT_FOUND', 'SOCIALORG.OBJECTION_ANSWERED')
  answerObjection(
    @Param('callId') callId: string,
    @Param('objectionId') objectionId: string,
    @Body(new ZodPipe(answerObjectionRequest)) body: AnswerObjectionRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.objections.answer(callId, objectionId, body, principal);
  }

  /** 取消立项 of an award no agreement was signed for: its money goes back to the call. */
  @Post(':callId/awards/:applicationId/cancel')
  @HttpCode(200)
  @Roles('centre_admin', 'city_admin')
  @ApiZodBody(cancelAwardRequest)
  @ApiZodResponse(callView)
  @ApiErrors(
    ...STEP_ERRORS,
    'SOCIALORG.AWARD_NOT_FOUND',
    'SOCIALORG.AWARD_CONTRACTED',
    'SOCIALORG.FUNDS_CLOSED',
  )
  cancelAward(
    @Param('callId') callId: string,
    @Param('applicationId') applicationId: string,
    @Body(new ZodPipe(cancelAwardRequest)) body: CancelAwardRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.steps.cancelAward(callId, applicationId, body.reason, principal);
  }
}
