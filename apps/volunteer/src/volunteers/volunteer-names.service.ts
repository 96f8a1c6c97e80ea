import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Principal } from '@psc/auth';
import { Outbox } from '@psc/messaging';
import type { FieldCipher } from '@psc/pii';
import { CLOCK, type Clock } from '@psc/server-kit';
import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import { InjectNameCipher } from '../shared/shared.module';
import { PII_AUDIT_MODEL, type PiiAuditEntry } from './pii-audit.model';
import { nameContext, type Volunteer } from './volunteer.model';

/** The one way a volunteer's full name leaves the service: audited first, so a failed audit refuses the read. */
@Injectable()
export class VolunteerNamesService {
  constructor(
    @InjectModel(PII_AUDIT_MODEL) private readonly audit: Model<PiiAuditEntry>,
    @InjectNameCipher() private readonly cipher: FieldCipher,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  encrypt(volunteerId: string, name: string): string {
    return this.cipher.encrypt(name, nameContext(volunteerId));
  }

  async reveal(volunteer: Volunteer, actor: Principal, purpose: string): Promise<string> {
    const at = this.clock();
    const entry: PiiAuditEntry = {
      _id: randomUUID(),
      subjectId: volunteer._id,
      actorId: actor.sub,
      actorKind: actor.kind,
      actorRole: actor.roles[0]?.role ?? actor.kind,
      fields: ['name'],
      purpose,
      at,
    };
    const { _id: auditId, subjectId, at: _at, ...rest } = entry;
    await this.outbox.create(this.audit, entry, [
      {
        type: 'volunteer.volunteer.pii-accessed',
        data: { auditId, subjectId, ...rest, at: at.toISOString() },
      },
    ]);
    return this.cipher.decrypt(volunteer.nameCipher, nameContext(volunteer._id));
  }
}
