import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { REVIEW_MODEL, reviewSchema } from './review.model';
import { ReviewRepository } from './review.repository';

/** The reviews' store: scoring writes it, the applications' views count from it. */
@Module({
  imports: [MongooseModule.forFeature([{ name: REVIEW_MODEL, schema: reviewSchema }])],
  providers: [ReviewRepository],
  exports: [ReviewRepository],
})
export class ReviewStoreModule {}
