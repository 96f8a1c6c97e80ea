import type { Principal } from '@psc/auth';
import { BlindIndex, FieldCipher, generateDevKeys } from '@psc/pii';
import type { Model } from 'mongoose';
import { describe, expect, it, vi } from 'vitest';
import { fakeModel, manualClock, resident as signedIn, staff } from '@psc/testing/unit';
import { maskIdNumber, validateIdNumber } from '@psc/util';
import type { AccessContext } from '../audit/access-context';
import type { AuditService } from '../audit/audit.service';
import { PII, type Resident } from './resident.model';
import { ResidentRegistryService } from './resident-registry.service';
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

const CENTRE = 'sz/futian/xiangmihu/c-001';
const self = signedIn('r-1');

const context = (p: Principal): AccessContext => ({
  actor: { id: p.sub, kind: p.kind, role: p.roles[0].role },
  screen: 'counter',
  purpose: '办理业务',
});

function newService() {
  const audit = { record: vi.fn().mockResolvedValue(undefined) };
  const residents = fakeModel<Resident>([resident], ['idIndex']);
  const model = residents as unknown as Model<Resident>;
  const registry = new ResidentRegistryService(
    model,
    cipher,
    index,
    audit as unknown as AuditService,
    manualClock(),
  );
  const sut = new ResidentsService(model, cipher, audit as unknown as AuditService, registry);
  return { sut, audit, residents, registry };
}

describe('ResidentsService.view', () => {
  it.each([staff('counter_staff', CENTRE), staff('centre_admin', CENTRE), self])(
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
    const p = staff('counter_staff', CENTRE);
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
    const counter = staff('counter_staff', CENTRE);
    await expect(sut.view(counter, 'r-1', context(counter), ['idNumber'])).rejects.toMatchObject({
      code: 'AUTH.FORBIDDEN',
      status: 403,
    });
    expect(audit.record).not.toHaveBeenCalled();
    const admin = staff('centre_admin', CENTRE);
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
    const p = staff('counter_staff', CENTRE);
    await expect(sut.view(p, 'r-9', context(p))).rejects.toMatchObject({
      code: 'IDENTITY.RESIDENT_NOT_FOUND',
    });
  });
});

/** A valid number (GB 11643 check character) from its first 17 digits. */
function idNumberFrom(first17: string): string {
  const valid = [...'0123456789X'].map((c) => first17 + c).find((c) => validateIdNumber(c).ok);
  if (!valid) throw new Error(`no check character makes ${first17} valid`);
  return valid;
}

describe('ResidentsService.lookupAtCounter', () => {
  const NEW_ID = idNumberFrom('44030419800101001');
  const counter = staff('counter_staff', CENTRE);
  const atCounter: AccessContext = {
    actor: { id: counter.sub, kind: 'staff', role: 'counter_staff' },
    screen: 'counter',
    purpose: '窗口受理核验申请人身份',
  };

  it('registers a new applicant, encrypted, audited as a create by the staff member, and answers masked', async () => {
    const { sut, audit, residents } = newService();
    const answer = await sut.lookupAtCounter(
      { idNumber: NEW_ID.toLowerCase(), name: '张三丰', phone: '13900001111' },
      atCounter,
    );

    const stored = [...residents.docs.values()].find((d) => d._id !== 'r-1')!;
    expect(answer).toEqual({
      residentId: stored._id,
      created: true,
      phoneUpdated: false,
      name: '张**',
      idNumber: maskIdNumber(NEW_ID),
      phone: '139****1111',
      idTail: NEW_ID.slice(-6),
    });
    const raw = JSON.stringify(stored);
    expect(raw).not.toContain(NEW_ID);
    expect(raw).not.toContain('13900001111');
    expect(raw).not.toContain('张三丰');
    expect(stored.idIndex).toBe(index.compute(NEW_ID, PII.idNumber));
    expect(audit.record.mock.calls).toEqual([
      [{ ...atCounter, subject: stored._id, action: 'create', fields: ['name', 'idNumber', 'phone'] }],
    ]);
  });

  it.each([undefined, ''])('asks for a phone before registering someone new (phone %j)', async (phone) => {
    const { sut, audit, residents } = newService();
    await expect(
      sut.lookupAtCounter({ idNumber: NEW_ID, name: '张三丰', phone }, atCounter),
    ).rejects.toMatchObject({
      code: 'IDENTITY.PHONE_REQUIRED',
      status: 400,
      message: '该居民首次登记，请填写本人手机号码',
    });
    expect(residents.docs.size).toBe(1);
    expect(audit.record).not.toHaveBeenCalled();
  });

  it('finds a known resident by ID number and name, and audits the read', async () => {
    const { sut, audit, residents } = newService();
    const answer = await sut.lookupAtCounter({ idNumber: ID, name: '欧阳娜娜' }, atCounter);
    expect(answer).toEqual({
      residentId: 'r-1',
      created: false,
      phoneUpdated: false,
      name: '欧***',
      idNumber: '110***********002X',
      phone: '138****5678',
      idTail: '31002X',
    });
    expect(residents.docs.size).toBe(1);
    expect(audit.record.mock.calls).toEqual([
      [{ ...atCounter, subject: 'r-1', action: 'read', fields: ['name', 'idNumber', 'phone'] }],
    ]);
  });

  it('refuses a name that does not match, and leaves that attempt in the resident’s access log', async () => {
    const { sut, audit } = newService();
    await expect(sut.lookupAtCounter({ idNumber: ID, name: '李四' }, atCounter)).rejects.toMatchObject({
      code: 'IDENTITY.NAME_MISMATCH',
      status: 400,
      message: '姓名与身份证号码不一致',
    });
    expect(audit.record.mock.calls).toEqual([
      [{ ...atCounter, subject: 'r-1', action: 'read', fields: ['name'] }],
    ]);
  });

  it('refuses an invalid ID number with the validator’s reason, before any lookup', async () => {
    const { sut, audit } = newService();
    const wrongCheck = `${NEW_ID.slice(0, 17)}${NEW_ID.endsWith('1') ? '2' : '1'}`;
    await expect(
      sut.lookupAtCounter({ idNumber: wrongCheck, name: '张三丰', phone: '13900001111' }, atCounter),
    ).rejects.toMatchObject({
      code: 'IDENTITY.ID_NUMBER_INVALID',
      status: 400,
      message: '身份证号码校验位不正确，请核对最后一位',
      details: { reason: 'CHECK_DIGIT' },
    });
    expect(audit.record).not.toHaveBeenCalled();
  });

  it('replaces a known resident’s phone when a different one is given, audited as an update', async () => {
    const { sut, audit, residents } = newService();
    const answer = await sut.lookupAtCounter(
      { idNumber: ID, name: '欧阳娜娜', phone: '13700002222' },
      atCounter,
    );
    expect(answer).toMatchObject({ created: false, phoneUpdated: true, phone: '137****2222' });
    const stored = residents.docs.get('r-1')!;
    expect(cipher.decrypt(stored.phoneEnc as string, PII.phone)).toBe('13700002222');
    expect(stored.phoneIndex).toBe(index.compute('13700002222', PII.phone));
    expect(
      audit.record.mock.calls.map(([r]) => [
        (r as { action: string }).action,
        (r as { fields: string[] }).fields,
      ]),
    ).toEqual([
      ['read', ['name', 'idNumber', 'phone']],
      ['update', ['phone']],
    ]);
  });

  it('leaves the phone alone when the same one is given again', async () => {
    const { sut, audit, residents } = newService();
    const before = residents.docs.get('r-1')!.phoneEnc;
    const answer = await sut.lookupAtCounter(
      { idNumber: ID, name: '欧阳娜娜', phone: '13812345678' },
      atCounter,
    );
    expect(answer.phoneUpdated).toBe(false);
    expect(residents.docs.get('r-1')!.phoneEnc).toBe(before);
    expect(audit.record).toHaveBeenCalledTimes(1);
  });

  it('settles two registrations of one person at once: the second gets the first, as found and read', async () => {
    const { sut, audit, registry, residents } = newService();
    // the other counter registers the same person between this one's lookup and its insert
    const find = registry.find.bind(registry);
    vi.spyOn(registry, 'find').mockImplementationOnce(async (raw) => {
      const lookup = await find(raw);
      await registry.confirmOrRegister(lookup, '张三丰', '13900003333', atCounter);
      audit.record.mockClear();
      return lookup;
    });
    const answer = await sut.lookupAtCounter(
      { idNumber: NEW_ID, name: '张三丰', phone: '13900003333' },
      atCounter,
    );
    expect(residents.docs.size).toBe(2);
    expect(answer).toMatchObject({ created: false, phoneUpdated: false });
    expect(audit.record).toHaveBeenCalledTimes(1);
    expect(audit.record).toHaveBeenCalledWith(expect.objectContaining({ action: 'read' }));
  });
});
