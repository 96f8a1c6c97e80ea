import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@psc/auth';
import {
  claimDecisionRequest,
  type ClaimDecisionRequest,
  claimListQuery,
  type ClaimListQuery,
  claimRequest,
  type ClaimRequest,
  claimView,
  createSchemeRequest,
  type CreateSchemeRequest,
  schemeView,
} from '@psc/contracts/socialorg';
import { ApiErrors, ApiZodBody, ApiZodResponse, ZodPipe, ZodQuery } from '@psc/server-kit';
import { z } from 'zod';
import { SubsidyClaimsService } from './subsidy-claims.service';
import { SubsidySchemesService } from './subsidy-schemes.service';

/** 以奖代补 and the 3万元 start-up fund of a newly formed party branch. */
@ApiTags('subsidies')
@Controller('subsidies')
export class SubsidiesController {
  constructor(
    private readonly schemes: SubsidySchemesService,
    private readonly claims: SubsidyClaimsService,
  ) {}

  @Post('schemes')
  @Roles('centre_admin', 'city_admin')
  @ApiZodBody(createSchemeRequest)
  @ApiZodResponse(schemeView)
  @ApiErrors('AUTH.OUT_OF_SCOPE')
  createScheme(
    @Body(new ZodPipe(createSchemeRequest)) body: CreateSchemeRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.schemes.create(body, principal);
  }

  @Get('schemes')
  @Roles('org_member', 'centre_admin', 'city_admin')
  @ApiZodResponse(z.array(schemeView))
  listSchemes() {
    return this.schemes.list();
  }

  @Get('schemes/:schemeId')
  @Roles('org_member', 'centre_admin', 'city_admin')
  @ApiZodResponse(schemeView)
  @ApiErrors('SOCIALORG.SCHEME_NOT_FOUND')
  scheme(@Param('schemeId') schemeId: string) {
    return this.schemes.get(schemeId);
  }

  @Post('schemes/:schemeId/close')
  @HttpCode(200)
  @Roles('centre_admin', 'city_admin')
  @ApiZodResponse(schemeView)
  @ApiErrors(
    'SOCIALORG.SCHEME_NOT_FOUND',
    'AUTH.OUT_OF_SCOPE',
    'SOCIALORG.SCHEME_CLOSED',
    'SOCIALORG.CLAIM_ILLEGAL_STEP',
  )
  closeScheme(@Param('schemeId') schemeId: string, @CurrentPrincipal() principal: Principal) {
    return this.schemes.close(schemeId, principal);
  }

  /** A second claim of the same organisation (the start-up fund: of any scheme) is refused with 409. */
  @Post('claims')
  @Roles('org_member')
  @ApiZodBody(claimRequest)
  @ApiZodResponse(claimView)
  @ApiErrors(
    'AUTH.OUT_OF_SCOPE',
    'SOCIALORG.SCHEME_NOT_FOUND',
    'SOCIALORG.SCHEME_CLOSED',
    'SOCIALORG.ORGANISATION_NOT_FOUND',
    'SOCIALORG.NOT_ELIGIBLE',
    'SOCIALORG.ALREADY_CLAIMED',
  )
  claim(@Body(new ZodPipe(claimRequest)) body: ClaimRequest, @CurrentPrincipal() principal: Principal) {
    return this.claims.claim(body, principal);
  }

  @Get('claims')
  @Roles('org_member', 'centre_admin', 'city_admin')
  @ApiZodResponse(z.array(claimView))
  @ApiErrors('AUTH.OUT_OF_SCOPE', 'SOCIALORG.SCHEME_NOT_FOUND')
  listClaims(@ZodQuery(claimListQuery) query: ClaimListQuery, @CurrentPrincipal() principal: Principal) {
    return this.claims.list(query, principal);
  }

  @Get('claims/:claimId')
  @Roles('org_member', 'centre_admin', 'city_admin')
  @ApiZodResponse(claimView)
  @ApiErrors('SOCIALORG.CLAIM_NOT_FOUND', 'SOCIALORG.SCHEME_NOT_FOUND', 'AUTH.OUT_OF_SCOPE')
  getClaim(@Param('claimId') claimId: string, @CurrentPrincipal() principal: Principal) {
    return this.claims.get(claimId, principal);
  }

  /** 核准 (the amount is committed from the budget), 不予通过 (with a reason) or 拨付 (with the voucher). */
  @Post('claims/:claimId/actions')
  @HttpCode(200)
  @Roles('centre_admin', 'city_admin')
  @ApiZodBody(claimDecisionRequest)
  @ApiZodResponse(claimView)
  @ApiErrors(
    'SOCIALORG.CLAIM_NOT_FOUND',
    'SOCIALORG.SCHEME_NOT_FOUND',
    'AUTH.OUT_OF_SCOPE',
    'SOCIALORG.CLAIM_ILLEGAL_STEP',
    'SOCIALORG.OVER_BUDGET',
    'SOCIALORG.PAYMENT_EXCEEDS',
    'SOCIALORG.AWARD_NOT_FOUND',
    'SOCIALORG.FUNDS_CLOSED',
  )
  decide(
    @Param('claimId') claimId: string,
    @Body(new ZodPipe(claimDecisionRequest)) body: ClaimDecisionRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.claims.decide(claimId, body, principal);
  }
}
