import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Public, Roles } from '@psc/auth';
import {
  acceptCertificateRequest,
  type AcceptCertificateRequest,
  applyCertificateRequest,
  type ApplyCertificateRequest,
  certificateListQuery,
  type CertificateListQuery,
  certificatePrint,
  certificateVerification,
  certificateView,
  idParams,
  type IdParams,
  verifyCertificateQuery,
  type VerifyCertificateQuery,
} from '@psc/contracts/volunteer';
import { ApiErrors, ApiZodBody, ApiZodResponse, ZodParams, ZodPipe, ZodQuery } from '@psc/server-kit';
import { z } from 'zod';
import { CertificatesService } from './certificates.service';

const CENTRE = ['centre_admin', 'city_admin'] as const;
const STEP_ERRORS = [
  'VOLUNTEER.CERTIFICATE_NOT_FOUND',
  'AUTH.OUT_OF_SCOPE',
  'VOLUNTEER.CERTIFICATE_STATE',
] as const;

@ApiTags('certificates')
@Controller('certificates')
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  /** 申请: free of charge. */
  @Post()
  @Roles('resident')
  @ApiZodBody(applyCertificateRequest)
  @ApiZodResponse(certificateView)
  @ApiErrors('VOLUNTEER.NOT_REGISTERED')
  apply(
    @Body(new ZodPipe(applyCertificateRequest)) body: ApplyCertificateRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.certificates.apply(body, principal);
  }

  @Get('mine')
  @Roles('resident')
  @ApiZodResponse(z.array(certificateView))
  mine(@CurrentPrincipal() principal: Principal) {
    return this.certificates.mine(principal);
  }

  @Get()
  @Roles(...CENTRE)
  @ApiZodResponse(z.array(certificateView))
  @ApiErrors('AUTH.OUT_OF_SCOPE')
  list(
    @ZodQuery(certificateListQuery) query: CertificateListQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.certificates.ofCentre(query.centreId, principal);
  }

  /** What the QR code's page (the portal's public /verify) asks: genuine, with what the certificate states, or refused. */
  @Get('verify')
  @Public()
  @ApiZodResponse(certificateVerification)
  @ApiErrors('VOLUNTEER.CERTIFICATE_NOT_GENUINE')
  verify(@ZodQuery(verifyCertificateQuery) query: VerifyCertificateQuery) {
    return this.certificates.verify(query.t);
  }

  /** 受理, naming the organisation whose seal the certificate carries. */
  @Post(':id/accept')
  @HttpCode(200)
  @Roles(...CENTRE)
  @ApiZodBody(acceptCertificateRequest)
  @ApiZodResponse(certificateView)
  @ApiErrors(...STEP_ERRORS)
  accept(
    @ZodParams(idParams) { id }: IdParams,
    @Body(new ZodPipe(acceptCertificateRequest)) body: AcceptCertificateRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.certificates.accept(id, body, principal);
  }

  /** 开具: the hours are fixed and signed. */
  @Post(':id/issue')
  @HttpCode(200)
  @Roles(...CENTRE)
  @ApiZodResponse(certificateView)
  @ApiErrors(...STEP_ERRORS, 'VOLUNTEER.VOLUNTEER_NOT_FOUND')
  issue(@ZodParams(idParams) { id }: IdParams, @CurrentPrincipal() principal: Principal) {
    return this.certificates.issue(id, principal);
  }

  /** The printable A4 PDF with its QR code; printing the full name is an audited read. */
  @Get(':id/print')
  @Roles('resident', ...CENTRE)
  @ApiZodResponse(certificatePrint)
  @ApiErrors(...STEP_ERRORS, 'AUTH.NOT_OWN_RECORD', 'VOLUNTEER.VOLUNTEER_NOT_FOUND')
  print(@ZodParams(idParams) { id }: IdParams, @CurrentPrincipal() principal: Principal) {
    return this.certificates.print(id, principal);
  }
}
