import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@psc/auth';
import {
  listProjectRequest,
  type ListProjectRequest,
  listsBoard,
  listsBoardQuery,
  type ListsBoardQuery,
  matchNeedRequest,
  type MatchNeedRequest,
  needParams,
  type NeedParams,
  needStepRequest,
  type NeedStepRequest,
  needView,
  offerResourceRequest,
  type OfferResourceRequest,
  postNeedRequest,
  type PostNeedRequest,
  projectView,
  resourceView,
} from '@psc/contracts/socialorg';
import { ApiErrors, ApiZodBody, ApiZodResponse, ZodParams, ZodPipe, ZodQuery } from '@psc/server-kit';
import { z } from 'zod';
import { ListsBoardService } from './lists-board.service';
import { NeedStepsService } from './need-steps.service';
import { NeedsService } from './needs.service';
import { ResourcesProjectsService } from './resources-projects.service';

const STEP_ERRORS = [
  'SOCIALORG.NEED_NOT_FOUND',
  'AUTH.OUT_OF_SCOPE',
  'SOCIALORG.NEED_ILLEGAL_STEP',
  'SOCIALORG.NEED_CHANGED',
] as const;

/** 三张清单: needs, resources and projects, and the board that matches them. */
@ApiTags('lists')
@Controller()
export class ListsController {
  constructor(
    private readonly needs: NeedsService,
    private readonly steps: NeedStepsService,
    private readonly offers: ResourcesProjectsService,
    private readonly boards: ListsBoardService,
  ) {}

  /** A resident at the kiosk (after identifying), or staff of the community for a resident. */
  @Post('needs')
  @Roles('resident', 'counter_staff', 'centre_admin', 'city_admin')
  @ApiZodBody(postNeedRequest)
  @ApiZodResponse(needView)
  @ApiErrors('AUTH.OUT_OF_SCOPE', 'SOCIALORG.NEEDS_LIMIT')
  postNeed(
    @Body(new ZodPipe(postNeedRequest)) body: PostNeedRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.needs.post(body, principal);
  }

  @Get('needs/mine')
  @Roles('resident')
  @ApiZodResponse(z.array(needView))
  myNeeds(@CurrentPrincipal() principal: Principal) {
    return this.needs.mine(principal);
  }

  @Post('needs/:needId/match')
  @HttpCode(200)
  @Roles('centre_admin', 'city_admin')
  @ApiZodBody(matchNeedRequest)
  @ApiZodResponse(needView)
  @ApiErrors(...STEP_ERRORS, 'SOCIALORG.RESOURCE_NOT_FOUND', 'SOCIALORG.PROJECT_NOT_FOUND')
  match(
    @ZodParams(needParams) { needId }: NeedParams,
    @Body(new ZodPipe(matchNeedRequest)) body: MatchNeedRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.steps.match(needId, body, principal);
  }

  /** Close a need (with why), or reopen one whose match fell through. */
  @Post('needs/:needId/actions')
  @HttpCode(200)
  @Roles('centre_admin', 'city_admin')
  @ApiZodBody(needStepRequest)
  @ApiZodResponse(needView)
  @ApiErrors(...STEP_ERRORS)
  step(
    @ZodParams(needParams) { needId }: NeedParams,
    @Body(new ZodPipe(needStepRequest)) body: NeedStepRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.steps.step(needId, body, principal);
  }

  /** What a 共建单位 offers, with the 双报到 party members it sends. */
  @Post('resources')
  @Roles('centre_admin', 'city_admin')
  @ApiZodBody(offerResourceRequest)
  @ApiZodResponse(resourceView)
  @ApiErrors('AUTH.OUT_OF_SCOPE', 'SOCIALORG.LIST_ENTRY_INVALID')
  offer(
    @Body(new ZodPipe(offerResourceRequest)) body: OfferResourceRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.offers.offer(body, principal);
  }

  @Post('projects')
  @Roles('centre_admin', 'city_admin')
  @ApiZodBody(listProjectRequest)
  @ApiZodResponse(projectView)
  @ApiErrors('AUTH.OUT_OF_SCOPE', 'SOCIALORG.PROJECT_LISTED')
  listProject(
    @Body(new ZodPipe(listProjectRequest)) body: ListProjectRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.offers.list(body, principal);
  }

  @Get('lists/board')
  @Roles('centre_admin', 'city_admin')
  @ApiZodResponse(listsBoard)
  @ApiErrors('AUTH.OUT_OF_SCOPE')
  board(@ZodQuery(listsBoardQuery) { scope }: ListsBoardQuery, @CurrentPrincipal() principal: Principal) {
    return this.boards.board(scope, principal);
  }
}
