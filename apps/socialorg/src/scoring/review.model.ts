import type { ReviewState, StepRecord } from '@psc/contracts/socialorg';
import { outboxPlugin } from '@psc/messaging';
import { Schema } from 'mongoose';

/** One reviewer's part in one application: `_id` is `<applicationId>:<reviewerId>`, so an assignment exists once. */
export interface Review {
  _id: string;
  revision: number;
  applicationId: string;
  callId: string;
  orgId: string;
  reviewerId: string;
  state: ReviewState;
  assignedAt: Date;
  assignedBy: string;
  declaration: { conflict: boolean; statement: string; at: Date } | null;
  /** per criterion key, as given (one decimal place) */
  scores: Record<string, number> | null;
  comment: string | null;
  submittedAt: Date | null;
  history: StepRecord[];
}

export const reviewId = (applicationId: string, reviewerId: string) => `${applicationId}:${reviewerId}`;

export const REVIEW_MODEL = 'Review';

export const reviewSchema = new Schema<Review>(
  {
    _id: { type: String, required: true },
    revision: { type: Number, required: true },
    applicationId: { type: String, required: true },
    callId: { type: String, required: true },
    orgId: { type: String, required: true },
    reviewerId: { type: String, required: true },
    state: { type: String, required: true },
    assignedAt: { type: Date, required: true },
    assignedBy: { type: String, required: true },
    declaration: { type: Schema.Types.Mixed, default: null },
    scores: { type: Schema.Types.Mixed, default: null },
    comment: { type: String, default: null },
    submittedAt: { type: Date, default: null },
    history: { type: Schema.Types.Mixed, default: [] },
  },
  { collection: 'reviews', versionKey: false, minimize: false },
);
reviewSchema.plugin(outboxPlugin);
reviewSchema.index({ callId: 1 });
reviewSchema.index({ applicationId: 1 });
reviewSchema.index({ reviewerId: 1 });
