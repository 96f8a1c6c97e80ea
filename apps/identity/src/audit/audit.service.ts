import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Outbox } from '@psc/messaging';
import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import { CLOCK, type Clock } from '@psc/server-kit';
import type { AccessContext } from './access-context';
import { type AuditAction, PII_AUDIT_MODEL, type PiiAuditEntry } from './pii-audit.model';

export interface AuditRecord extends AccessContext {
  subject: string;
  fields: string[];
  revealed?: string[];
  action: AuditAction;
}

export interface AccessLogEntry {
  at: string;
  actor: { id: string; kind: string; role: string };
  action: AuditAction;
  fields: string[];
  revealed: string[];
  screen: string;
  purpose: string;
}

const ACCESS_LOG_LIMIT = 100;

/** The personal-data audit trail (个人信息保护法): every read or change of a resident's data leaves an entry. */
@Injectable()
export class AuditService {
  constructor(
    @InjectModel(PII_AUDIT_MODEL) private readonly entries: Model<PiiAuditEntry>,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Stored and published in one write; called before the data leaves the service, so a failure refuses the read. */
  async record(record: AuditRecord): Promise<PiiAuditEntry> {
    const entry: PiiAuditEntry = {
      _id: randomUUID(),
      subjectId: record.subject,
      actorId: record.actor.id,
      actorKind: record.actor.kind,
      actorRole: record.actor.role,
      action: record.action,
      fields: record.fields,
      revealed: record.revealed ?? [],
      screen: record.screen,
      purpose: record.purpose,
      at: this.clock(),
    };
    const { _id: auditId, subjectId, at, ...rest } = entry;
    await this.outbox.create(this.entries, entry, [
      { type: 'identity.pii.accessed', data: { auditId, subjectId, ...rest, at: at.toISOString() } },
    ]);
    return entry;
  }

  async forSubject(subjectId: string): Promise<AccessLogEntry[]> {
    const entries = await this.entries
      .find({ subjectId })
      .sort({ at: -1 })
      .limit(ACCESS_LOG_LIMIT)
      .lean<PiiAuditEntry[]>();
    return entries.map((e) => ({
      at: e.at.toISOString(),
      actor: { id: e.actorId, kind: e.actorKind, role: e.actorRole },
      action: e.action,
      fields: e.fields,
      revealed: e.revealed,
      screen: e.screen,
      purpose: e.purpose,
    }));
  }
}
