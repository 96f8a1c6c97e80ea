import { type DynamicModule, Module } from '@nestjs/common';
import { serviceFoundation } from '@psc/messaging';
import { SERVICES } from '@psc/service-registry';
import { AboutModule } from './about/about.module';
import { AgreementsModule } from './agreements/agreements.module';
import { ApplicationsModule } from './applications/applications.module';
import { CallsModule } from './calls/calls.module';
import type { SocialorgConfig } from './config';
import { FilesModule } from './files/files.module';
import { IncubationModule } from './incubation/incubation.module';
import { ListsModule } from './lists/lists.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { PaymentsModule } from './payments/payments.module';
import { ProjectHoursModule } from './project-hours/project-hours.module';
import { ScoringModule } from './scoring/scoring.module';
import { SharedModule } from './shared/shared.module';
import { SubsidiesModule } from './subsidies/subsidies.module';

export const SERVICE = 'socialorg';

@Module({})
export class AppModule {
  static register(config: SocialorgConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...serviceFoundation(SERVICE, config, { consumerGroup: SERVICES[SERVICE].consumerGroup }),
        SharedModule,
        AboutModule,
        OrganisationsModule,
        FilesModule,
        IncubationModule,
        ListsModule,
        CallsModule,
        ApplicationsModule,
        ScoringModule,
        AgreementsModule,
        PaymentsModule,
        SubsidiesModule,
        ProjectHoursModule,
      ],
    };
  }
}
