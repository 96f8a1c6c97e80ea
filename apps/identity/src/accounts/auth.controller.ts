import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Public, Roles } from '@psc/auth';
import {
  type ChangePasswordRequest,
  changePasswordRequest,
  type RefreshRequest,
  refreshRequest,
  type StaffLoginRequest,
  staffLoginRequest,
  staffTokensResponse,
  staffUserView,
} from '@psc/contracts/identity';
import { ApiErrors, ApiZodBody, ApiZodResponse, ZodPipe } from '@psc/server-kit';
import { StaffAuthService } from './staff-auth.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: StaffAuthService) {}

  @Post('login')
  @Public() // the way in
  @HttpCode(200)
  @ApiZodBody(staffLoginRequest)
  @ApiZodResponse(staffTokensResponse)
  @ApiErrors('IDENTITY.BAD_CREDENTIALS', 'IDENTITY.ACCOUNT_LOCKED')
  login(@Body(new ZodPipe(staffLoginRequest)) body: StaffLoginRequest) {
    return this.auth.login(body);
  }

  @Post('refresh')
  @Public() // the access token has expired by then; the refresh token is the credential
  @HttpCode(200)
  @ApiZodBody(refreshRequest)
  @ApiZodResponse(staffTokensResponse)
  @ApiErrors('IDENTITY.REFRESH_INVALID', 'IDENTITY.REFRESH_REUSED')
  refresh(@Body(new ZodPipe(refreshRequest)) body: RefreshRequest) {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @Roles('counter_staff', 'dept_reviewer', 'centre_admin', 'city_admin')
  @HttpCode(204)
  async logout(@CurrentPrincipal() principal: Principal): Promise<void> {
    await this.auth.logout(principal);
  }

  @Post('password')
  @Roles('counter_staff', 'dept_reviewer', 'centre_admin', 'city_admin')
  @HttpCode(204)
  @ApiZodBody(changePasswordRequest)
  @ApiErrors('IDENTITY.PASSWORD_WRONG', 'IDENTITY.PASSWORD_WEAK')
  async changePassword(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodPipe(changePasswordRequest)) body: ChangePasswordRequest,
  ): Promise<void> {
    await this.auth.changePassword(principal, body);
  }

  @Get('me')
  @Roles('counter_staff', 'dept_reviewer', 'centre_admin', 'city_admin')
  @ApiZodResponse(staffUserView)
  me(@CurrentPrincipal() principal: Principal) {
    return this.auth.me(principal);
  }
}
