import { outboxPlugin } from '@psc/messaging';
import { Schema } from 'mongoose';

export const VOLUNTEER_MODEL = 'Volunteer';

export interface PartyReport {
  unitId: string;
  unitName: string;
  communityId: string;
  reportedOn: string;
}

/**
 * A volunteer: `_id` is the resident id (identity's `sub`). The ID number stays in identity; the name is kept
 * only for the certificate, encrypted, with its masked form for lists.
 */
export interface Volunteer {
  _id: string;
  nameCipher: string;
  maskedName: string;
  centreId: string;
  skills: string[];
  partyMember: boolean;
  partyReport: PartyReport | null;
  /** copies of partyReport's ids, for the unit's and the community's equality reads */
  unitId: string | null;
  communityId: string | null;
  teamIds: string[];
  registeredAt: Date;
}

export const volunteerSchema = new Schema<Volunteer>(
  {
    _id: { type: String, required: true },
    nameCipher: { type: String, required: true },
    maskedName: { type: String, required: true },
    centreId: { type: String, required: true },
    skills: { type: [String], default: [] },
    partyMember: { type: Boolean, required: true },
    partyReport: { type: Schema.Types.Mixed, default: null },
    unitId: { type: String, default: null },
    communityId: { type: String, default: null },
    teamIds: { type: [String], default: [] },
    registeredAt: { type: Date, required: true },
  },
  { collection: 'volunteers', versionKey: false, minimize: false },
);
volunteerSchema.plugin(outboxPlugin);
volunteerSchema.index({ centreId: 1 });
volunteerSchema.index({ unitId: 1 });
volunteerSchema.index({ communityId: 1 });

/** The name's ciphertext is bound to its volunteer: copied onto another record it does not decrypt. */
export const nameContext = (volunteerId: string) => `volunteers.name:${volunteerId}`;
