import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CatalogueCopyModule } from '../catalogue-copy/catalogue-copy.module';
import { CaseNumbersService } from './case-numbers.service';
import { CASE_MODEL, caseSchema } from './case.model';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';
import { SlaWatchService } from './sla-watch.service';

@Module({
  imports: [CatalogueCopyModule, MongooseModule.forFeature([{ name: CASE_MODEL, schema: caseSchema }])],
  controllers: [CasesController],
  providers: [CasesService, CaseNumbersService, SlaWatchService],
})
export class CasesModule {}
