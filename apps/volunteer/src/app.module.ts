import { type DynamicModule, Module } from '@nestjs/common';
import { serviceFoundation } from '@psc/messaging';
import { SERVICES } from '@psc/service-registry';
import { AboutModule } from './about/about.module';
import { ActivitiesModule } from './activities/activities.module';
import { CertificatesModule } from './certificates/certificates.module';
import type { VolunteerConfig } from './config';
import { LedgerModule } from './ledger/ledger.module';
import { PartyModule } from './party/party.module';
import { SharedModule } from './shared/shared.module';
import { VolunteersModule } from './volunteers/volunteers.module';
import { WishesModule } from './wishes/wishes.module';

export const SERVICE = 'volunteer';

@Module({})
export class AppModule {
  static register(config: VolunteerConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...serviceFoundation(SERVICE, config, { consumerGroup: SERVICES[SERVICE].consumerGroup }),
        SharedModule,
        AboutModule,
        VolunteersModule,
        LedgerModule,
        ActivitiesModule,
        WishesModule,
        CertificatesModule,
        PartyModule,
      ],
    };
  }
}
