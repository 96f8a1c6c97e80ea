import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@psc/auth';
import {
  fulfilWishRequest,
  type FulfilWishRequest,
  idParams,
  type IdParams,
  postWishRequest,
  type PostWishRequest,
  rejectWishRequest,
  type RejectWishRequest,
  wishListQuery,
  type WishListQuery,
  wishView,
} from '@psc/contracts/volunteer';
import { ApiErrors, ApiZodBody, ApiZodResponse, ZodParams, ZodPipe, ZodQuery } from '@psc/server-kit';
import { z } from 'zod';
import { WishesService } from './wishes.service';

const STAFF = ['centre_admin', 'city_admin', 'counter_staff'] as const;
const STEP_ERRORS = ['VOLUNTEER.WISH_NOT_FOUND', 'VOLUNTEER.WISH_STATE'] as const;

@ApiTags('wishes')
@Controller('wishes')
export class WishesController {
  constructor(private readonly wishes: WishesService) {}

  /** Posted at the kiosk after identifying; phone and ID numbers in the text are refused. */
  @Post()
  @Roles('resident')
  @ApiZodBody(postWishRequest)
  @ApiZodResponse(wishView)
  @ApiErrors('VOLUNTEER.WISH_TEXT_REFUSED')
  post(@Body(new ZodPipe(postWishRequest)) body: PostWishRequest, @CurrentPrincipal() principal: Principal) {
    return this.wishes.post(body, principal);
  }

  /** The board of open wishes (oldest first, with their age in days); other states for the centre's staff. */
  @Get()
  @Roles('resident', ...STAFF)
  @ApiZodResponse(z.array(wishView))
  @ApiErrors('AUTH.OUT_OF_SCOPE')
  list(@ZodQuery(wishListQuery) query: WishListQuery, @CurrentPrincipal() principal: Principal) {
    return this.wishes.list(query, principal);
  }

  @Get('mine')
  @Roles('resident')
  @ApiZodResponse(z.array(wishView))
  mine(@CurrentPrincipal() principal: Principal) {
    return this.wishes.mine(principal);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiZodResponse(wishView)
  @ApiErrors(...STEP_ERRORS, 'AUTH.OUT_OF_SCOPE')
  approve(@ZodParams(idParams) { id }: IdParams, @CurrentPrincipal() principal: Principal) {
    return this.wishes.approve(id, principal);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles(...STAFF)
  @ApiZodBody(rejectWishRequest)
  @ApiZodResponse(wishView)
  @ApiErrors(...STEP_ERRORS, 'AUTH.OUT_OF_SCOPE')
  reject(
    @ZodParams(idParams) { id }: IdParams,
    @Body(new ZodPipe(rejectWishRequest)) body: RejectWishRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.wishes.reject(id, body.reason, principal);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @Roles('resident')
  @ApiZodResponse(wishView)
  @ApiErrors(...STEP_ERRORS, 'VOLUNTEER.NOT_REGISTERED')
  claim(@ZodParams(idParams) { id }: IdParams, @CurrentPrincipal() principal: Principal) {
    return this.wishes.claim(id, principal);
  }

  @Post(':id/fulfil')
  @HttpCode(200)
  @Roles('resident')
  @ApiZodBody(fulfilWishRequest)
  @ApiZodResponse(wishView)
  @ApiErrors(...STEP_ERRORS, 'AUTH.NOT_OWN_RECORD')
  fulfil(
    @ZodParams(idParams) { id }: IdParams,
    @Body(new ZodPipe(fulfilWishRequest)) body: FulfilWishRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.wishes.fulfil(id, body, principal);
  }

  /** The resident confirms at the kiosk (or staff for them): the claimer's hours are credited. */
  @Post(':id/confirm')
  @HttpCode(200)
  @Roles('resident', ...STAFF)
  @ApiZodResponse(wishView)
  @ApiErrors(...STEP_ERRORS, 'AUTH.NOT_OWN_RECORD', 'AUTH.OUT_OF_SCOPE', 'VOLUNTEER.VOLUNTEER_NOT_FOUND')
  confirm(@ZodParams(idParams) { id }: IdParams, @CurrentPrincipal() principal: Principal) {
    return this.wishes.confirm(id, principal);
  }
}
