import { outboxPlugin } from '@psc/messaging';
import { Schema } from 'mongoose';

export const PII_AUDIT_MODEL = 'VolunteerPiiAudit';

/** One read of a volunteer's full name (个人信息保护法), stored and published in one write before the name leaves. */
export interface PiiAuditEntry {
  _id: string;
  subjectId: string;
  actorId: string;
  actorKind: string;
  actorRole: string;
  fields: string[];
  purpose: string;
  at: Date;
}

export const piiAuditSchema = new Schema<PiiAuditEntry>(
  {
    _id: { type: String, required: true },
    subjectId: { type: String, required: true },
    actorId: { type: String, required: true },
    actorKind: { type: String, required: true },
    actorRole: { type: String, required: true },
    fields: { type: [String], required: true },
    purpose: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'pii_audit', versionKey: false },
);
piiAuditSchema.plugin(outboxPlugin);
piiAuditSchema.index({ subjectId: 1 });
