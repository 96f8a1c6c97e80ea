import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@psc/auth';
import { eligibilityRunView } from '@psc/contracts/socialorg';
import { ApiErrors, ApiZodResponse } from '@psc/server-kit';
import { EligibilityService } from './eligibility.service';

@ApiTags('calls')
@Controller('calls')
export class EligibilityController {
  constructor(private readonly eligibility: EligibilityService) {}

  /** 资格审查 of every submitted application of a closed call, each rule with its reason. */
  @Post(':callId/eligibility')
  @HttpCode(200)
  @Roles('centre_admin', 'city_admin')
  @ApiZodResponse(eligibilityRunView)
  @ApiErrors(
    'SOCIALORG.CALL_NOT_FOUND',
    'AUTH.OUT_OF_SCOPE',
    'SOCIALORG.CALL_ILLEGAL_STEP',
    'SOCIALORG.APPLICATION_CHANGED',
  )
  run(@Param('callId') callId: string, @CurrentPrincipal() principal: Principal) {
    return this.eligibility.run(callId, principal);
  }
}
