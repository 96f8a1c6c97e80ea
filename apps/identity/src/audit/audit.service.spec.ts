import type { Outbox } from '@psc/messaging';
import type { Model } from 'mongoose';
import { describe, expect, it, vi } from 'vitest';
import { manualClock } from '@psc/testing/unit';
import { AuditService } from './audit.service';
import type { PiiAuditEntry } from './pii-audit.model';

describe('AuditService', () => {
  it('stores the entry and publishes identity.pii.accessed in one write, with field names and no values', async () => {
    const outbox = { create: vi.fn().mockResolvedValue([]) };
    const entries = {} as Model<PiiAuditEntry>;
    const sut = new AuditService(entries, outbox as unknown as Outbox, manualClock('2025-03-03T02:00:00Z'));

    const entry = await sut.record({
      actor: { id: 'u-1', kind: 'staff', role: 'centre_admin' },
      subject: 'r-1',
      fields: ['name', 'idNumber', 'phone'],
      revealed: ['idNumber'],
      action: 'read',
      screen: 'counter',
      purpose: '核对完整身份证号码',
    });

    expect(entry).toEqual({
      _id: expect.any(String) as unknown,
      subjectId: 'r-1',
      actorId: 'u-1',
      actorKind: 'staff',
      actorRole: 'centre_admin',
      action: 'read',
      fields: ['name', 'idNumber', 'phone'],
      revealed: ['idNumber'],
      screen: 'counter',
      purpose: '核对完整身份证号码',
      at: new Date('2025-03-03T02:00:00Z'),
    });
    expect(outbox.create).toHaveBeenCalledWith(entries, entry, [
      {
        type: 'identity.pii.accessed',
        data: {
          auditId: entry._id,
          subjectId: 'r-1',
          actorId: 'u-1',
          actorKind: 'staff',
          actorRole: 'centre_admin',
          action: 'read',
          fields: ['name', 'idNumber', 'phone'],
          revealed: ['idNumber'],
          screen: 'counter',
          purpose: '核对完整身份证号码',
          at: '2025-03-03T02:00:00.000Z',
        },
      },
    ]);
  });

  it('fails the read when the audit cannot be written', async () => {
    const outbox = { create: vi.fn().mockRejectedValue(new Error('store away')) };
    const sut = new AuditService({} as Model<PiiAuditEntry>, outbox as unknown as Outbox, manualClock());
    await expect(
      sut.record({
        actor: { id: 'r-1', kind: 'resident', role: 'resident' },
        subject: 'r-1',
        fields: ['name'],
        action: 'read',
        screen: 'kiosk',
        purpose: '本人查看个人信息',
      }),
    ).rejects.toThrow('store away');
  });
});
