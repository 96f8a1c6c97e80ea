import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@psc/auth';
import { agreementView, paymentRequest, type PaymentRequest } from '@psc/contracts/socialorg';
import { ApiErrors, ApiZodBody, ApiZodResponse, ZodPipe } from '@psc/server-kit';
import { PaymentsService } from './payments.service';

@ApiTags('payments')
@Controller('agreements')
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  /** Records a payment of a tranche; payments are never edited, a mistake is put right by the next entry. */
  @Post(':agreementId/payments')
  @Roles('centre_admin', 'city_admin')
  @ApiZodBody(paymentRequest)
  @ApiZodResponse(agreementView)
  @ApiErrors(
    'SOCIALORG.AGREEMENT_NOT_FOUND',
    'SOCIALORG.CALL_NOT_FOUND',
    'AUTH.OUT_OF_SCOPE',
    'SOCIALORG.AGREEMENT_ILLEGAL_STEP',
    'SOCIALORG.TRANCHE_NOT_FOUND',
    'SOCIALORG.TRANCHE_NOT_PAYABLE',
    'SOCIALORG.PAYMENT_EXCEEDS',
    'SOCIALORG.FUNDS_CLOSED',
    'SOCIALORG.AWARD_NOT_FOUND',
    'SOCIALORG.CALL_CHANGED',
  )
  pay(
    @Param('agreementId') agreementId: string,
    @Body(new ZodPipe(paymentRequest)) body: PaymentRequest,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.payments.pay(agreementId, body, principal);
  }
}
