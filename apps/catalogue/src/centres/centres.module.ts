import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CENTRE_MODEL, centreSchema } from './centre.model';

/** The centre tree (city → … → 小区驿站): the seed writes it, the public view serves it. */
@Module({
  imports: [MongooseModule.forFeature([{ name: CENTRE_MODEL, schema: centreSchema }])],
  exports: [MongooseModule],
})
export class CentresModule {}
