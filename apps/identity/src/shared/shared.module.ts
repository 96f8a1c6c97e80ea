import { Global, Module } from '@nestjs/common';
import { TokenIssuer } from '@psc/auth';
import { BlindIndex, FieldCipher } from '@psc/pii';
import { APP_CONFIG } from '@psc/server-kit';
import type { IdentityConfig } from '../config';
import { CLOCK, systemClock } from '@psc/server-kit';

/** What several features need: the clock, the token signer and the field cipher with its blind index. */
@Global()
@Module({
  providers: [
    { provide: CLOCK, useValue: systemClock },
    {
      provide: TokenIssuer,
      inject: [APP_CONFIG],
      useFactory: (config: IdentityConfig) => TokenIssuer.create({ jwk: config.AUTH_SIGNING_KEY }),
    },
    { provide: FieldCipher, inject: [APP_CONFIG], useFactory: (c: IdentityConfig) => new FieldCipher(c) },
    { provide: BlindIndex, inject: [APP_CONFIG], useFactory: (c: IdentityConfig) => new BlindIndex(c) },
  ],
  exports: [CLOCK, TokenIssuer, FieldCipher, BlindIndex],
})
export class SharedModule {}
