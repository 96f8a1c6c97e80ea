import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public, Roles, type Principal } from '@psc/auth';
import {
  type CounterResidentLookupRequest,
  counterResidentLookupRequest,
  type CreateResidentSessionRequest,
  createResidentSessionRequest,
  type RequestResidentOtpRequest,
  requestResidentOtpRequest,
} from '@psc/contracts/identity';
import { ApiZodBody, AppError, ZodPipe } from '@psc/server-kit';
import { accessContext } from '../audit/access-context';
import { SessionsService } from '../sessions/sessions.service';
import { ResidentOtpService } from './resident-otp.service';
import { REVEALABLE, type Revealable, ResidentsService } from './residents.service';

type RequestHeaders = Record<string, string | string[] | undefined>;

function parseReveal(value: string | undefined): Revealable[] {
  if (!value) return [];
  const fields = value.split(',').map((f) => f.trim());
  const unknown = fields.filter((f) => !(REVEALABLE as readonly string[]).includes(f));
  if (unknown.length > 0)
    throw new AppError('COMMON.VALIDATION_FAILED', `不支持显示完整的字段：${unknown.join('、')}`);
  return fields as Revealable[];
}

@ApiTags('residents')
@Controller('residents')
export class ResidentsController {
  constructor(
    private readonly otp: ResidentOtpService,
    private readonly residents: ResidentsService,
    private readonly sessions: SessionsService,
  ) {}

  @Post('otp')
  @Public() // the kiosk's first step: nobody is signed in yet
  @HttpCode(200)
  @ApiZodBody(requestResidentOtpRequest)
  requestOtp(@Body(new ZodPipe(requestResidentOtpRequest)) body: RequestResidentOtpRequest) {
    return this.otp.requestOtp(body);
  }

  @Post('session')
  @Public() // proves who the resident is with the code; the token comes out of this call
  @HttpCode(200)
  @ApiZodBody(createResidentSessionRequest)
  createSession(@Body(new ZodPipe(createResidentSessionRequest)) body: CreateResidentSessionRequest) {
    return this.otp.createSession(body);
  }

  @Post('logout')
  @Roles('resident')
  @HttpCode(204)
  async logout(@CurrentPrincipal() principal: Principal): Promise<void> {
    await this.sessions.end(principal.sessionId);
  }

  @Get('me')
  @Roles('resident')
  me(@CurrentPrincipal() principal: Principal, @Headers() headers: RequestHeaders) {
    return this.residents.view(
      principal,
      principal.sub,
      accessContext(principal, headers, '本人查看个人信息'),
    );
  }

  // the counter (一窗受理) identifies the applicant before opening a case; residents are city-wide, so no scope check
  @Post('lookup')
  @Roles('counter_staff', 'centre_admin')
  @HttpCode(200)
  @ApiZodBody(counterResidentLookupRequest)
  lookup(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodPipe(counterResidentLookupRequest)) body: CounterResidentLookupRequest,
    @Headers() headers: RequestHeaders,
  ) {
    return this.residents.lookupAtCounter(body, accessContext(principal, headers, '窗口受理核验申请人身份'));
  }

  @Get('me/access-log')
  @Roles('resident')
  accessLog(@CurrentPrincipal() principal: Principal) {
    return this.residents.accessLog(principal);
  }

  // residents may call it too, so that someone else's id gets AUTH.NOT_OWN_RECORD rather than a bare 403
  @Get(':id')
  @Roles('resident', 'counter_staff', 'centre_admin', 'city_admin')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @Query('reveal') reveal: string | undefined,
    @Headers() headers: RequestHeaders,
  ) {
    const fields = parseReveal(reveal);
    const purpose = fields.length > 0 ? '核对完整身份证号码' : '窗口办理业务核验居民身份';
    return this.residents.view(principal, id, accessContext(principal, headers, purpose), fields);
  }
}
