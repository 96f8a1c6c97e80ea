import type { CertificateView } from '@psc/contracts/volunteer';
import { outboxPlugin } from '@psc/messaging';
import { Schema } from 'mongoose';

export const CERTIFICATE_MODEL = 'Certificate';

/** 志愿服务记录证明: 申请 → 受理 → 开具, free; once issued, what it states is fixed and signed. */
export interface Certificate {
  _id: string;
  volunteerId: string;
  centreId: string;
  purpose: string;
  state: 'applied' | 'accepted' | 'issued';
  issuerName: string | null;
  appliedAt: Date;
  acceptedAt: Date | null;
  issuedAt: Date | null;
  acceptedBy: string | null;
  issuedBy: string | null;
  hours: NonNullable<CertificateView['hours']> | null;
  /** the compact JWS its QR code carries */
  token: string | null;
}

export const certificateSchema = new Schema<Certificate>(
  {
    _id: { type: String, required: true },
    volunteerId: { type: String, required: true },
    centreId: { type: String, required: true },
    purpose: { type: String, default: '' },
    state: { type: String, required: true },
    issuerName: { type: String, default: null },
    appliedAt: { type: Date, required: true },
    acceptedAt: { type: Date, default: null },
    issuedAt: { type: Date, default: null },
    acceptedBy: { type: String, default: null },
    issuedBy: { type: String, default: null },
    hours: { type: Schema.Types.Mixed, default: null },
    token: { type: String, default: null },
  },
  { collection: 'certificates', versionKey: false, minimize: false },
);
certificateSchema.plugin(outboxPlugin);
certificateSchema.index({ volunteerId: 1 });
certificateSchema.index({ centreId: 1 });
