import type {
  ContactRole,
  OrganisationEntry,
  OrgType,
  PartyBuildingKind,
  Registration,
  ServiceField,
} from '@psc/contracts/socialorg';
import { outboxPlugin } from '@psc/messaging';
import { Schema } from 'mongoose';

export interface StoredContact {
  _id: string;
  name: string;
  role: ContactRole;
  /** FieldCipher, bound to the organisation: a number copied to another organisation does not decrypt */
  phoneEnc: string;
  addedAt: Date;
}

export interface StoredPartyBuilding {
  kind: PartyBuildingKind;
  formedAt: string | null;
  partyMembers: number;
}

/** A social organisation (登记 or 社区备案). Every change bumps `revision` and adds to `history`. */
export interface Organisation {
  _id: string;
  revision: number;
  /** `cc:<credit code>` or `filed:<centre>:<备案编号>`: the same organisation cannot be entered twice */
  uniqueKey: string;
  name: string;
  registration: Registration;
  creditCode: string | null;
  filingNo: string | null;
  type: OrgType;
  fields: ServiceField[];
  address: string;
  foundedOn: string;
  description: string;
  centreId: string;
  streetId: string;
  placePath: string[];
  contacts: StoredContact[];
  partyBuilding: StoredPartyBuilding;
  registeredAt: Date;
  registeredBy: string;
  history: OrganisationEntry[];
}

export const ORGANISATION_MODEL = 'Organisation';

export const organisationSchema = new Schema<Organisation>(
  {
    _id: { type: String, required: true },
    revision: { type: Number, required: true },
    uniqueKey: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    registration: { type: String, required: true },
    creditCode: { type: String, default: null },
    filingNo: { type: String, default: null },
    type: { type: String, required: true },
    fields: { type: [String], required: true },
    address: { type: String, required: true },
    foundedOn: { type: String, required: true },
    description: { type: String, default: '' },
    centreId: { type: String, required: true },
    streetId: { type: String, required: true },
    placePath: { type: [String], required: true },
    contacts: { type: Schema.Types.Mixed, default: [] },
    partyBuilding: { type: Schema.Types.Mixed, required: true },
    registeredAt: { type: Date, required: true },
    registeredBy: { type: String, required: true },
    history: { type: Schema.Types.Mixed, default: [] },
  },
  { collection: 'organisations', versionKey: false, minimize: false },
);
organisationSchema.plugin(outboxPlugin);
organisationSchema.index({ placePath: 1 });
