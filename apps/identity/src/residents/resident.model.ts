import { Schema } from 'mongoose';

/** Personal data is stored encrypted (FieldCipher); equality lookups go through keyed blind indexes. */
export interface Resident {
  _id: string;
  nameEnc: string;
  idNumberEnc: string;
  phoneEnc: string;
  idIndex: string;
  phoneIndex: string;
  /** which PII_INDEX_KEY computed the indexes, for a later re-index */
  indexKeyId: string;
  createdAt: Date;
}

export const RESIDENT_MODEL = 'Resident';

/** FieldCipher / BlindIndex contexts: a value copied into another field fails to decrypt or match. */
export const PII = {
  name: 'residents.name',
  idNumber: 'residents.idNumber',
  phone: 'residents.phone',
} as const;

export const residentSchema = new Schema<Resident>(
  {
    _id: { type: String, required: true },
    nameEnc: { type: String, required: true },
    idNumberEnc: { type: String, required: true },
    phoneEnc: { type: String, required: true },
    idIndex: { type: String, required: true, unique: true },
    phoneIndex: { type: String, required: true, index: true },
    indexKeyId: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'residents', versionKey: false },
);
