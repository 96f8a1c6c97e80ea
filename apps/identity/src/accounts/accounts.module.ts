import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ACCOUNT_MODEL, accountSchema } from './account.model';
import { ORG_PLACE_MODEL, orgPlaceSchema } from './org-place.model';
import { OrgPlacesConsumer } from './org-places.consumer';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { AuthController } from './auth.controller';
import { PasswordHasher } from './password-hasher';
import { REFRESH_TOKEN_MODEL, refreshTokenSchema } from './refresh-token.model';
import { StaffAuthService } from './staff-auth.service';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: ACCOUNT_MODEL, schema: accountSchema },
      { name: REFRESH_TOKEN_MODEL, schema: refreshTokenSchema },
      { name: ORG_PLACE_MODEL, schema: orgPlaceSchema },
    ]),
  ],
  controllers: [AuthController, AccountsController, OrgPlacesConsumer],
  providers: [AccountsService, StaffAuthService, PasswordHasher],
})
export class AccountsModule {}
