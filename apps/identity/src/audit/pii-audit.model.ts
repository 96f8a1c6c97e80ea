import { outboxPlugin } from '@psc/messaging';
import { Schema } from 'mongoose';
import type { AccessContext, Screen } from './access-context';

export type AuditAction = 'read' | 'create' | 'update';

/** Append-only: entries are inserted, never changed (the relay only clears the outbox fields). */
export interface PiiAuditEntry {
  _id: string;
  subjectId: string;
  actorId: string;
  actorKind: AccessContext['actor']['kind'];
  actorRole: string;
  action: AuditAction;
  fields: string[];
  revealed: string[];
  screen: Screen;
  purpose: string;
  at: Date;
}

export const PII_AUDIT_MODEL = 'PiiAudit';

export const piiAuditSchema = new Schema<PiiAuditEntry>(
  {
    _id: { type: String, required: true },
    subjectId: { type: String, required: true, index: true },
    actorId: { type: String, required: true },
    actorKind: { type: String, required: true },
    actorRole: { type: String, required: true },
    action: { type: String, required: true, enum: ['read', 'create', 'update'] },
    fields: { type: [String], required: true },
    revealed: { type: [String], default: [] },
    screen: { type: String, required: true },
    purpose: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'pii_audit', versionKey: false },
);
piiAuditSchema.plugin(outboxPlugin);
