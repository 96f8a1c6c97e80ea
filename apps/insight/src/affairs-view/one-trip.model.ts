import { Schema } from 'mongoose';

/**
 * 最多跑一次率: of the cases whose result reached the resident, how many took at most one visit. One document per
 * centre and item (`<centre>|<item>`) and one per centre (`<centre>|*`).
 */
export interface OneTripTally {
  _id: string;
  centreId: string;
  itemCode: string | null;
  delivered: number;
  oneTrip: number;
  updatedAt: Date;
}

export const ONE_TRIP_MODEL = 'OneTripTally';

export const oneTripSchema = new Schema<OneTripTally>(
  { _id: String, centreId: String, itemCode: String, delivered: Number, oneTrip: Number, updatedAt: Date },
  { collection: 'affairs_one_trip', versionKey: false },
);
// the report reads one centre's tallies: from an index, not by reading every centre's
oneTripSchema.index({ centreId: 1 });
