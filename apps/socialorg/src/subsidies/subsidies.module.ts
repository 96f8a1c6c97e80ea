import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CallsModule } from '../calls/calls.module';
import { CLAIM_MODEL, claimSchema, SCHEME_MODEL, schemeSchema } from './subsidy.model';
import { SubsidyRepository } from './subsidy.repository';
import { SubsidiesController } from './subsidies.controller';
import { SubsidyClaimsService } from './subsidy-claims.service';
import { SubsidySchemesService } from './subsidy-schemes.service';

/** Subsidy schemes and claims; CallsModule only for the organisation directory. */
@Module({
  imports: [
    CallsModule,
    MongooseModule.forFeature([
      { name: SCHEME_MODEL, schema: schemeSchema },
      { name: CLAIM_MODEL, schema: claimSchema },
    ]),
  ],
  controllers: [SubsidiesController],
  providers: [SubsidyRepository, SubsidySchemesService, SubsidyClaimsService],
})
export class SubsidiesModule {}
