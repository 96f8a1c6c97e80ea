import type { Centre } from '@psc/contracts/catalogue';
import { Schema } from 'mongoose';

export type CentreDoc = Omit<Centre, 'id'> & { _id: string };

export const CENTRE_MODEL = 'Centre';

export const centreSchema = new Schema<CentreDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    level: { type: String, required: true },
    parentId: { type: String, default: null },
    address: { type: String, required: true },
    phone: { type: String, default: '' },
    hours: { type: Schema.Types.Mixed, required: true },
    holidays: { type: String, default: 'closed' },
    location: { type: Schema.Types.Mixed },
    rooms: { type: Schema.Types.Mixed, default: [] },
    itemCodes: { type: [String], default: [] },
  },
  { collection: 'centres', versionKey: false, minimize: false },
);

export const toCentre = ({ _id, ...rest }: CentreDoc): Centre => ({ id: _id, ...rest });
