import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@psc/auth';
import { type CreateAccountRequest, createAccountRequest, staffAccountView } from '@psc/contracts/identity';
import { ApiErrors, ApiZodBody, ApiZodResponse, ZodPipe } from '@psc/server-kit';
import { AccountsService } from './accounts.service';

@ApiTags('accounts')
@Controller('accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Post()
  @Roles('centre_admin', 'city_admin')
  @ApiZodBody(createAccountRequest)
  @ApiZodResponse(staffAccountView)
  @ApiErrors('IDENTITY.PASSWORD_WEAK', 'AUTH.OUT_OF_SCOPE', 'IDENTITY.USERNAME_TAKEN')
  create(
    @CurrentPrincipal() principal: Principal,
    @Body(new ZodPipe(createAccountRequest)) body: CreateAccountRequest,
  ) {
    return this.accounts.create(principal, body);
  }
}
