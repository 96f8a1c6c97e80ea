import { Global, Inject, Module } from '@nestjs/common';
import { APP_CONFIG, CLOCK, systemClock } from '@psc/server-kit';
import type { VolunteerConfig } from '../config';
import { nameCipher, signingKey } from './volunteer-keys';

export const NAME_CIPHER = Symbol('NAME_CIPHER');
export const SIGNING_KEY = Symbol('SIGNING_KEY');
export const InjectNameCipher = () => Inject(NAME_CIPHER);
export const InjectSigningKey = () => Inject(SIGNING_KEY);

/** The clock and the service's own keys, made once from its secrets. */
@Global()
@Module({
  providers: [
    { provide: CLOCK, useValue: systemClock },
    {
      provide: NAME_CIPHER,
      inject: [APP_CONFIG],
      useFactory: (config: VolunteerConfig) => nameCipher(config.VOLUNTEER_PII_KEYS),
    },
    {
      provide: SIGNING_KEY,
      inject: [APP_CONFIG],
      useFactory: (config: VolunteerConfig) => signingKey(config.VOLUNTEER_SIGNING_KEY),
    },
  ],
  exports: [CLOCK, NAME_CIPHER, SIGNING_KEY],
})
export class SharedModule {}
