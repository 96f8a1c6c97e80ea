import { type DynamicModule, Module } from '@nestjs/common';
import { serviceFoundation } from '@psc/messaging';
import { SERVICES } from '@psc/service-registry';
import { AccountsModule } from './accounts/accounts.module';
import type { IdentityConfig } from './config';
import { ResidentsModule } from './residents/residents.module';
import { SessionsModule } from './sessions/sessions.module';
import { SharedModule } from './shared/shared.module';
import { SmsModule } from './sms/sms.module';
import { TextsModule } from './texts/texts.module';

export const SERVICE = 'identity';

@Module({})
export class AppModule {
  static register(config: IdentityConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...serviceFoundation(SERVICE, config, { consumerGroup: SERVICES[SERVICE].consumerGroup }),
        SharedModule,
        SessionsModule,
        SmsModule.register(config),
        ResidentsModule,
        AccountsModule,
        TextsModule,
      ],
    };
  }
}
