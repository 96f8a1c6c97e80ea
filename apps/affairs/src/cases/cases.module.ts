import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CatalogueCopyModule } from '../catalogue-copy/catalogue-copy.module';
import { CaseNumbers } from './case-numbers.service';
import { CASE_MODEL, caseSchema } from './case.model';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { SlaWatch } from './sla-watch.service';

@Module({
  imports: [CatalogueCopyModule, MongooseModule.forFeature([{ name: CASE_MODEL, schema: caseSchema }])],
  controllers: [CasesController],
  providers: [CasesService, CaseNumbers, SlaWatch],
})
export class CasesModule {}
