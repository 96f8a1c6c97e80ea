import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ContactPhonesService } from './contact-phones.service';
import { CONTACT_REVEAL_MODEL, contactRevealSchema } from './contact-reveal.model';
import { ORGANISATION_MODEL, organisationSchema } from './organisation.model';
import { OrganisationRepository } from './organisation.repository';
import { OrganisationContactsService } from './organisation-contacts.service';
import { OrganisationDirectory } from './organisation-directory.service';
import { OrganisationProfileService } from './organisation-profile.service';
import { OrganisationQueriesService } from './organisation-queries.service';
import { OrganisationRegistrationService } from './organisation-registration.service';
import { OrganisationSeedService } from './organisation-seed.service';
import { OrganisationsController } from './organisations.controller';

/** The registry. Other parts of socialorg import this module for `OrganisationDirectory`. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: ORGANISATION_MODEL, schema: organisationSchema },
      { name: CONTACT_REVEAL_MODEL, schema: contactRevealSchema },
    ]),
  ],
  controllers: [OrganisationsController],
  providers: [
    OrganisationRepository,
    ContactPhonesService,
    OrganisationRegistrationService,
    OrganisationProfileService,
    OrganisationContactsService,
    OrganisationQueriesService,
    OrganisationDirectory,
    OrganisationSeedService,
  ],
  exports: [OrganisationDirectory],
})
export class OrganisationsModule {}
