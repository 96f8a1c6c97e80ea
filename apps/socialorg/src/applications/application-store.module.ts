import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { APPLICATION_MODEL, applicationSchema } from './application.model';
import { ApplicationRepository } from './application.repository';

/** The applications' store, shared by the applications' own use cases and the scoring that reads them. */
@Module({
  imports: [MongooseModule.forFeature([{ name: APPLICATION_MODEL, schema: applicationSchema }])],
  providers: [ApplicationRepository],
  exports: [ApplicationRepository],
})
export class ApplicationStoreModule {}
