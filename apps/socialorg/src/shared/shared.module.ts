import { Global, Module } from '@nestjs/common';
import { FieldCipher } from '@psc/pii';
import { APP_CONFIG, CLOCK, systemClock } from '@psc/server-kit';
import { contactCipher, type SocialorgConfig } from '../config';

/** What every part of socialorg needs: the clock and the cipher of personal data (contact numbers). */
@Global()
@Module({
  providers: [
    { provide: CLOCK, useValue: systemClock },
    { provide: FieldCipher, inject: [APP_CONFIG], useFactory: (c: SocialorgConfig) => contactCipher(c) },
  ],
  exports: [CLOCK, FieldCipher],
})
export class SharedModule {}
