import { Body, Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public, Roles, type Principal } from '@psc/auth';
import {
  accessLogEntry,
  type CounterResidentLookupRequest,
  counterResidentLookupRequest,
  counterResidentLookupResponse,
  type CreateResidentSessionRequest,
  createResidentSessionRequest,
  createResidentSessionResponse,
  type RequestResidentOtpRequest,
  requestResidentOtpRequest,
  requestResidentOtpResponse,
  residentView,
  type ResidentViewQuery,
  residentViewQuery,
} from '@psc/contracts/identity';
import { ApiErrors, ApiZodBody, ApiZodResponse, ZodPipe, ZodQuery } from '@psc/server-kit';
import { z } from 'zod';
import { accessContext } from '../audit/access-context';
import { SessionsService } from '../sessions/sessions.service';
import { ResidentOtpService } from './resident-otp.service';
import { ResidentsService } from './residents.service';

type RequestHeaders = Record<string, string | string[] | undefined>;

// the ID number's own check and the name on record are the service's, beyond what the schema can say
const IDENTIFY_ERRORS = [
  'IDENTITY.ID_NUMBER_INVALID',
  'IDENTITY.NAME_MISMATCH',
  'IDENTITY.PHONE_REQUIRED',
] as const;

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
  @ApiZodResponse(requestResidentOtpResponse)
  @ApiErrors(...IDENTIFY_ERRORS, 'IDENTITY.OTP_RATE_LIMITED')
  requestOtp(@Body(new ZodPipe(requestResidentOtpRequest)) body: RequestResidentOtpRequest) {
    return this.otp.requestOtp(body);
  }

  @Post('session')
  @Public() // proves who the resident is with the code; the token comes out of this call
  @HttpCode(200)
  @ApiZodBody(createResidentSessionRequest)
  @ApiZodResponse(createResidentSessionResponse)
  @ApiErrors('IDENTITY.OTP_WRONG', 'IDENTITY.OTP_EXPIRED', 'IDENTITY.OTP_TOO_MANY_ATTEMPTS')
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
  @ApiZodResponse(residentView)
  @ApiErrors('IDENTITY.RESIDENT_NOT_FOUND')
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
  @ApiZodResponse(counterResidentLookupResponse)
  @ApiErrors(...IDENTIFY_ERRORS)
  lookup(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodPipe(counterResidentLookupRequest)) body: CounterResidentLookupRequest,
    @Headers() headers: RequestHeaders,
  ) {
    return this.residents.lookupAtCounter(body, accessContext(principal, headers, '窗口受理核验申请人身份'));
  }

  @Get('me/access-log')
  @Roles('resident')
  @ApiZodResponse(z.array(accessLogEntry))
  accessLog(@CurrentPrincipal() principal: Principal) {
    return this.residents.accessLog(principal);
  }

  // residents may call it too, so that someone else's id gets AUTH.NOT_OWN_RECORD rather than a bare 403
  @Get(':id')
  @Roles('resident', 'counter_staff', 'centre_admin', 'city_admin')
  @ApiZodResponse(residentView)
  @ApiErrors('AUTH.NOT_OWN_RECORD', 'IDENTITY.RESIDENT_NOT_FOUND')
  get(
    @CurrentPrincipal() principal: Principal,
    @Param('id') id: string,
    @ZodQuery(residentViewQuery) { reveal }: ResidentViewQuery,
    @Headers() headers: RequestHeaders,
  ) {
    const fields = reveal ? [reveal] : [];
    const purpose = fields.length > 0 ? '核对完整身份证号码' : '窗口办理业务核验居民身份';
    return this.residents.view(principal, id, accessContext(principal, headers, purpose), fields);
  }
}
