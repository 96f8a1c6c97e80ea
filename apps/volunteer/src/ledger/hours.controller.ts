import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@psc/auth';
import {
  balanceView,
  centreReport,
  centreReportQuery,
  type CentreReportQuery,
  correctionAnswer,
  type CorrectionAnswer,
  correctionListQuery,
  type CorrectionListQuery,
  correctionRequest,
  type CorrectionRequest,
  correctionView,
  honourRequest,
  type HonourRequest,
  idParams,
  type IdParams,
  ledgerEntryView,
  myHoursView,
  periodQuery,
  type PeriodQuery,
  reconciliationView,
} from '@psc/contracts/volunteer';
import { ApiErrors, ApiZodBody, ApiZodResponse, ZodParams, ZodPipe, ZodQuery } from '@psc/server-kit';
import { z } from 'zod';
import { CorrectionsService } from './corrections.service';
import { HoursService } from './hours.service';
import { ReconciliationService } from './reconciliation.service';

const CENTRE = ['centre_admin', 'city_admin'] as const;

@ApiTags('hours')
@Controller('hours')
export class HoursController {
  constructor(
    private readonly hours: HoursService,
    private readonly corrections: CorrectionsService,
    private readonly reconciliation: ReconciliationService,
  ) {}

  /** My hours and stars (the kiosk after identifying, the portal): balances are counters, read by key. */
  @Get('me')
  @Roles('resident')
  @ApiZodResponse(myHoursView)
  @ApiErrors('VOLUNTEER.NOT_REGISTERED')
  mine(@CurrentPrincipal() principal: Principal) {
    return this.hours.mine(principal);
  }

  @Get('volunteers/:id')
  @Roles(...CENTRE)
  @ApiZodResponse(myHoursView)
  @ApiErrors('VOLUNTEER.VOLUNTEER_NOT_FOUND', 'AUTH.OUT_OF_SCOPE')
  ofVolunteer(@ZodParams(idParams) { id }: IdParams, @CurrentPrincipal() principal: Principal) {
    return this.hours.ofVolunteer(id, principal);
  }

  /** A team's total, or one period's (`2026` or `2026-03`). */
  @Get('teams/:id')
  @Roles('centre_admin', 'city_admin', 'org_member')
  @ApiZodResponse(balanceView)
  @ApiErrors('VOLUNTEER.TEAM_NOT_FOUND', 'AUTH.OUT_OF_SCOPE')
  ofTeam(
    @ZodParams(idParams) { id }: IdParams,
    @ZodQuery(periodQuery) query: PeriodQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.hours.ofTeam(id, query.period, principal);
  }

  /** A centre's month: the total and a row per volunteer. */
  @Get('centre-report')
  @Roles(...CENTRE)
  @ApiZodResponse(centreReport)
  @ApiErrors('AUTH.OUT_OF_SCOPE')
  centreReport(
    @ZodQuery(centreReportQuery.extend({ centreId: correctionListQuery.shape.centreId }))
    query: CentreReportQuery & CorrectionListQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.hours.centreReport(query.centreId, query.month, principal);
  }

  /** 荣誉时长, added with a reason by the centre's administrator; kept apart from 信用时长. */
  @Post('honour')
  @Roles(...CENTRE)
  @ApiZodBody(honourRequest)
  @ApiZodResponse(ledgerEntryView)
  @ApiErrors('AUTH.OUT_OF_SCOPE', 'VOLUNTEER.VOLUNTEER_NOT_FOUND')
  honour(@Body(new ZodPipe(honourRequest)) body: HonourRequest, @CurrentPrincipal() principal: Principal) {
    return this.hours.honour(body, principal);
  }

  /** A volunteer asks to correct an entry; the centre must answer (民政部令第67号). */
  @Post('corrections')
  @Roles('resident')
  @ApiZodBody(correctionRequest)
  @ApiZodResponse(correctionView)
  @ApiErrors(
    'VOLUNTEER.ENTRY_NOT_FOUND',
    'AUTH.NOT_OWN_RECORD',
    'VOLUNTEER.ENTRY_ALREADY_REVERSED',
    'VOLUNTEER.CORRECTION_PENDING',
  )
  requestCorrection(
    @Body(new ZodPipe(correctionRequest)) body: CorrectionRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.corrections.request(body, principal);
  }

  @Get('corrections/mine')
  @Roles('resident')
  @ApiZodResponse(z.array(correctionView))
  myCorrections(@CurrentPrincipal() principal: Principal) {
    return this.corrections.mine(principal);
  }

  @Get('corrections')
  @Roles(...CENTRE)
  @ApiZodResponse(z.array(correctionView))
  @ApiErrors('AUTH.OUT_OF_SCOPE')
  centreCorrections(
    @ZodQuery(correctionListQuery) query: CorrectionListQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.corrections.ofCentre(query.centreId, principal);
  }

  /** Accepted: the entry is reversed and the verified minutes credited; refused: the reply says why. */
  @Post('corrections/:id/answer')
  @HttpCode(200)
  @Roles(...CENTRE)
  @ApiZodBody(correctionAnswer)
  @ApiZodResponse(correctionView)
  @ApiErrors(
    'VOLUNTEER.CORRECTION_NOT_FOUND',
    'AUTH.OUT_OF_SCOPE',
    'VOLUNTEER.CORRECTION_ANSWERED',
    'VOLUNTEER.ENTRY_NOT_FOUND',
    'VOLUNTEER.ENTRY_NOT_POSTED',
    'VOLUNTEER.ENTRY_ALREADY_REVERSED',
  )
  answer(
    @ZodParams(idParams) { id }: IdParams,
    @Body(new ZodPipe(correctionAnswer)) body: CorrectionAnswer,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.corrections.answer(id, body, principal);
  }

  /** Runs the reconciliation now (it also runs on its own every RECONCILE_SECONDS). */
  @Post('reconciliations')
  @HttpCode(200)
  @Roles('city_admin')
  @ApiZodResponse(reconciliationView)
  reconcile() {
    return this.reconciliation.run();
  }

  @Get('reconciliations/latest')
  @Roles('city_admin')
  @ApiZodResponse(reconciliationView.nullable())
  latest() {
    return this.reconciliation.latest();
  }
}
