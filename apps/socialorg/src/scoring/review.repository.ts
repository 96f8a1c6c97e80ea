import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Outbox } from '@psc/messaging';
import { isDuplicateKey } from '@psc/persistence';
import { AppError } from '@psc/server-kit';
import type { Model } from 'mongoose';
import type { Raised } from '../calls/call-steps';
import { type Review, REVIEW_MODEL } from './review.model';
import type { ReviewChange } from './review-steps';

/** The reviews as stored: reads by application, call or reviewer (index reads), and each change with its events. */
@Injectable()
export class ReviewRepository {
  constructor(
    @InjectModel(REVIEW_MODEL) private readonly reviews: Model<Review>,
    private readonly outbox: Outbox,
  ) {}

  find(id: string): Promise<Review | null> {
    return this.reviews.findById(id).lean<Review>();
  }

  /** A new assignment; false when the reviewer was assigned to the application already. */
  async create(review: Review, events: Raised[]): Promise<boolean> {
    try {
      await this.outbox.create(this.reviews, review, events);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  async record(current: Review, change: ReviewChange): Promise<Review> {
    const written = await this.outbox.update(
      this.reviews,
      { _id: current._id, revision: current.revision },
      { $set: change.set, $inc: { revision: 1 }, $push: { history: { $each: change.history } } },
      change.events,
    );
    if (!written) throw new AppError('SOCIALORG.REVIEW_ILLEGAL_STEP', '该评审刚被处理过，请刷新后再操作');
    return written;
  }

  ofApplication(applicationId: string): Promise<Review[]> {
    return this.reviews.find({ applicationId }).lean<Review[]>();
  }

  ofCall(callId: string): Promise<Review[]> {
    return this.reviews.find({ callId }).lean<Review[]>();
  }

  ofReviewer(reviewerId: string): Promise<Review[]> {
    return this.reviews.find({ reviewerId }).lean<Review[]>();
  }
}
