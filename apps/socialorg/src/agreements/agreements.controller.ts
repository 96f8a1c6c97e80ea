import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@psc/auth';
import {
  agreementActionRequest,
  type AgreementActionRequest,
  agreementListQuery,
  type AgreementListQuery,
  agreementView,
  evaluationRequest,
  type EvaluationRequest,
  milestoneDecisionRequest,
  type MilestoneDecisionRequest,
  milestoneReportRequest,
  type MilestoneReportRequest,
  signAgreementRequest,
  type SignAgreementRequest,
} from '@psc/contracts/socialorg';
import { ApiErrors, ApiZodBody, ApiZodResponse, ZodPipe, ZodQuery } from '@psc/server-kit';
import { z } from 'zod';
import { AgreementQueriesService } from './agreement-queries.service';
import { AgreementSigningService } from './agreement-signing.service';
import { AgreementStepsService } from './agreement-steps.service';
import { MilestonesService } from './milestones.service';

const STEP_ERRORS = [
  'SOCIALORG.AGREEMENT_NOT_FOUND',
  'SOCIALORG.CALL_NOT_FOUND',
  'AUTH.OUT_OF_SCOPE',
  'SOCIALORG.AGREEMENT_ILLEGAL_STEP',
  'SOCIALORG.AGREEMENT_CHANGED',
] as const;
const MILESTONE_ERRORS = [
  ...STEP_ERRORS,
  'SOCIALORG.MILESTONE_NOT_FOUND',
  'SOCIALORG.MILESTONE_ILLEGAL_STEP',
] as const;

/** 项目协议: signed for an award, delivered against milestones, evaluated, settled or terminated. */
@ApiTags('agreements')
@Controller('agreements')
export class AgreementsController {
  constructor(
    private readonly signing: AgreementSigningService,
    private readonly milestones: MilestonesService,
    private readonly steps: AgreementStepsService,
    private readonly queries: AgreementQueriesService,
  ) {}

  @Post()
  @Roles('centre_admin', 'city_admin')
  @ApiZodBody(signAgreementRequest)
  @ApiZodResponse(agreementView)
  @ApiErrors(
    'SOCIALORG.APPLICATION_NOT_FOUND',
    'SOCIALORG.CALL_NOT_FOUND',
    'AUTH.OUT_OF_SCOPE',
    'SOCIALORG.CALL_ILLEGAL_STEP',
    'SOCIALORG.CALL_CHANGED',
    'SOCIALORG.AWARD_NOT_FOUND',
    'SOCIALORG.AGREEMENT_ILLEGAL_STEP',
    'SOCIALORG.CONTRACT_EXCEEDS_AWARD',
    'SOCIALORG.FUNDS_CLOSED',
    'SOCIALORG.PAYMENT_EXCEEDS',
  )
  sign(
    @Body(new ZodPipe(signAgreementRequest)) body: SignAgreementRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.signing.sign(body, principal);
  }

  @Get()
  @Roles('org_member', 'centre_admin', 'city_admin')
  @ApiZodResponse(z.array(agreementView))
  @ApiErrors('SOCIALORG.CALL_NOT_FOUND', 'AUTH.OUT_OF_SCOPE')
  list(@ZodQuery(agreementListQuery) query: AgreementListQuery, @CurrentPrincipal() principal: Principal) {
    return this.queries.list(query, principal);
  }

  @Get(':agreementId')
  @Roles('org_member', 'centre_admin', 'city_admin')
  @ApiZodResponse(agreementView)
  @ApiErrors('SOCIALORG.AGREEMENT_NOT_FOUND', 'SOCIALORG.CALL_NOT_FOUND', 'AUTH.OUT_OF_SCOPE')
  get(@Param('agreementId') agreementId: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.get(agreementId, principal);
  }

  /** 节点报告 with evidence (file ids from the files API), by the organisation's staff. */
  @Post(':agreementId/milestones/:key/report')
  @HttpCode(200)
  @Roles('org_member')
  @ApiZodBody(milestoneReportRequest)
  @ApiZodResponse(agreementView)
  @ApiErrors(...MILESTONE_ERRORS)
  report(
    @Param('agreementId') agreementId: string,
    @Param('key') key: string,
    @Body(new ZodPipe(milestoneReportRequest)) body: MilestoneReportRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.milestones.report(agreementId, key, body, principal);
  }

  @Post(':agreementId/milestones/:key/decision')
  @HttpCode(200)
  @Roles('centre_admin', 'city_admin')
  @ApiZodBody(milestoneDecisionRequest)
  @ApiZodResponse(agreementView)
  @ApiErrors(...MILESTONE_ERRORS)
  decide(
    @Param('agreementId') agreementId: string,
    @Param('key') key: string,
    @Body(new ZodPipe(milestoneDecisionRequest)) body: MilestoneDecisionRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.milestones.decide(agreementId, key, body, principal);
  }

  @Post(':agreementId/evaluation')
  @HttpCode(200)
  @Roles('centre_admin', 'city_admin')
  @ApiZodBody(evaluationRequest)
  @ApiZodResponse(agreementView)
  @ApiErrors(...STEP_ERRORS)
  evaluate(
    @Param('agreementId') agreementId: string,
    @Body(new ZodPipe(evaluationRequest)) body: EvaluationRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.steps.evaluate(agreementId, body, principal);
  }

  /** 结清 or 终止: what is unpaid goes back to the call's budget. */
  @Post(':agreementId/actions')
  @HttpCode(200)
  @Roles('centre_admin', 'city_admin')
  @ApiZodBody(agreementActionRequest)
  @ApiZodResponse(agreementView)
  @ApiErrors(...STEP_ERRORS, 'SOCIALORG.CALL_CHANGED', 'SOCIALORG.AWARD_NOT_FOUND', 'SOCIALORG.FUNDS_CLOSED')
  act(
    @Param('agreementId') agreementId: string,
    @Body(new ZodPipe(agreementActionRequest)) body: AgreementActionRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.steps.act(agreementId, body, principal);
  }
}
