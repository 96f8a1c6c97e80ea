import type { Principal } from '@psc/auth';
import { BlindIndex, FieldCipher, generateDevKeys } from '@psc/pii';
import type { Model } from 'mongoose';
import { describe, expect, it, vi } from 'vitest';
import { fakeModel } from '../../test/fake-model';
import type { AccessContext } from '../audit/access-context';
import type { AuditService } from '../audit/audit.service';
import { PII, type Resident } from './resident.model';
import { ResidentsService } from './residents.service';

const keys = generateDevKeys();
const cipher = new FieldCipher(keys);
const index = new BlindIndex(keys);
const ID = '11010519491231002X';

const resident: Resident = {
  _id: 'r-1',
  nameEnc: cipher.encrypt('欧阳娜娜', PII.name),
  idNumberEnc: cipher.encrypt(ID, PII.idNumber),
  phoneEnc: cipher.encrypt('13812345678', PII.phone),
  idIndex: index.compute(ID, PII.idNumber),
  phoneIndex: index.compute('13812345678', PII.phone),
  indexKeyId: index.keyId,
  createdAt: new Date('2025-01-01T00:00:00Z'),
};

const staff = (role: 'counter_staff' | 'centre_admin'): Principal => ({
  sub: `u-${role}`,
  kind: 'staff',
  roles: [{ role, scope: 'sz/futian/xiangmihu/c-001' }],
  sessionId: 's-1',
});
const self: Principal = {
  sub: 'r-1',
  kind: 'resident',
  roles: [{ role: 'resident', scope: 'sz' }],
  sessionId: 's-2',
};

const context = (p: Principal): AccessContext => ({
  actor: { id: p.sub, kind: p.kind, role: p.roles[0].role },
  screen: 'counter',
  purpose: '办理业务',
});

function newService() {
  const audit = { record: vi.fn().mockResolvedValue(undefined) };
  const residents = fakeModel<Resident>([resident]);
  const sut = new ResidentsService(
    residents as unknown as Model<Resident>,
    cipher,
    audit as unknown as AuditService,
  );
  return { sut, audit };
}

describe('ResidentsService.view', () => {
  it.each([staff('counter_staff'), staff('centre_admin'), self])(
    'masks every field for $sub by default',
    async (p) => {
      const { sut } = newService();
      expect(await sut.view(p, 'r-1', context(p))).toEqual({
        id: 'r-1',
        name: '欧***',
        idNumber: '110***********002X',
        phone: '138****5678',
        registeredAt: '2025-01-01T00:00:00.000Z',
      });
    },
  );

  it('records who read what, from where and why', async () => {
    const { sut, audit } = newService();
    const p = staff('counter_staff');
    await sut.view(p, 'r-1', context(p));
    expect(audit.record).toHaveBeenCalledWith({
      actor: { id: 'u-counter_staff', kind: 'staff', role: 'counter_staff' },
      screen: 'counter',
      purpose: '办理业务',
      subject: 'r-1',
      action: 'read',
      fields: ['name', 'idNumber', 'phone'],
      revealed: [],
    });
  });

  it('shows the full ID number to an administrator only, and says so in the audit', async () => {
    const { sut, audit } = newService();
    const counter = staff('counter_staff');
    await expect(sut.view(counter, 'r-1', context(counter), ['idNumber'])).rejects.toMatchObject({
      code: 'AUTH.FORBIDDEN',
      status: 403,
    });
    expect(audit.record).not.toHaveBeenCalled();
    const admin = staff('centre_admin');
    const view = await sut.view(admin, 'r-1', context(admin), ['idNumber']);
    expect(view).toMatchObject({ idNumber: ID, name: '欧***', phone: '138****5678' });
    expect(audit.record).toHaveBeenCalledWith(expect.objectContaining({ revealed: ['idNumber'] }));
  });

  it('keeps a resident to their own record', async () => {
    const { sut, audit } = newService();
    await expect(sut.view(self, 'r-2', context(self))).rejects.toMatchObject({ code: 'AUTH.NOT_OWN_RECORD' });
    expect(audit.record).not.toHaveBeenCalled();
  });

  it('answers 404 for an unknown resident', async () => {
    const { sut } = newService();
    const p = staff('counter_staff');
    await expect(sut.view(p, 'r-9', context(p))).rejects.toMatchObject({
      code: 'IDENTITY.RESIDENT_NOT_FOUND',
    });
  });
});
