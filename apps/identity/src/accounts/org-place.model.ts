import { Schema } from 'mongoose';

/**
 * Where each social organisation belongs, as socialorg announced it: an administrator may give accounts of an
 * organisation (`org_member` over `org/<id>`) only when its community lies within their own scope.
 */
export interface OrgPlace {
  /** the organisation's id */
  _id: string;
  name: string;
  centreId: string;
  streetId: string;
}

export const ORG_PLACE_MODEL = 'OrgPlace';

export const orgPlaceSchema = new Schema<OrgPlace>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    centreId: { type: String, required: true },
    streetId: { type: String, required: true },
  },
  // the consumer group keeps the ids of the events applied (`_seen`) in the same documents
  { collection: 'org_places', versionKey: false, strict: false },
);
