import { type DynamicModule, Module } from '@nestjs/common';
import { serviceFoundation } from '@psc/messaging';
import { AboutModule } from './about/about.module';
import { AgreementsModule } from './agreements/agreements.module';
import { ApplicationsModule } from './applications/applications.module';
import { CallsModule } from './calls/calls.module';
import { PaymentsModule } from './payments/payments.module';
import { ScoringModule } from './scoring/scoring.module';
import { SubsidiesModule } from './subsidies/subsidies.module';
import type { SocialorgConfig } from './config';

export const SERVICE = 'socialorg';

@Module({})
export class AppModule {
  static register(config: SocialorgConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...serviceFoundation(SERVICE, config),
        AboutModule,
        CallsModule,
        ApplicationsModule,
        ScoringModule,
        AgreementsModule,
        PaymentsModule,
        SubsidiesModule,
      ],
    };
  }
}
