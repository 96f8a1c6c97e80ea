import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CLOCK, systemClock } from '@psc/server-kit';
import { COUNTER_MODEL, counterSchema } from './counter.model';
import { SequencesService } from './sequences.service';

@Global()
@Module({
  imports: [MongooseModule.forFeature([{ name: COUNTER_MODEL, schema: counterSchema }])],
  providers: [SequencesService, { provide: CLOCK, useValue: systemClock }],
  exports: [SequencesService, CLOCK],
})
export class SharedModule {}
