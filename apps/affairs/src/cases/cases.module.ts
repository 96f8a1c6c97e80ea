import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CLOCK, systemClock } from '@psc/server-kit';
import { CatalogueCopyModule } from '../catalogue-copy/catalogue-copy.module';
import { CaseNumbers } from './case-numbers.service';
import { CASE_MODEL, caseSchema, COUNTER_MODEL, counterSchema } from './case.model';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

@Module({
  imports: [
    CatalogueCopyModule,
    MongooseModule.forFeature([
      { name: CASE_MODEL, schema: caseSchema },
      { name: COUNTER_MODEL, schema: counterSchema },
    ]),
  ],
  controllers: [CasesController],
  providers: [CasesService, CaseNumbers, { provide: CLOCK, useValue: systemClock }],
})
export class CasesModule {}
