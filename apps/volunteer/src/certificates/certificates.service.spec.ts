import { expectAppError } from '@psc/testing/unit';
import { describe, expect, it } from 'vitest';
import { admin, CENTRE, volunteerWorld } from '../../test/volunteer-world';

async function issued() {
  const w = volunteerWorld();
  const me = await w.registered('r-1', '欧阳娜娜');
  await w.hours.honour(
    { volunteerId: 'r-1', centreId: CENTRE, minutes: 120, servedOn: '2026-02-01', reason: '抗疫表彰' },
    admin,
  );
  const applied = await w.certificates.apply({ centreId: CENTRE, purpose: '升学' }, me);
  await w.certificates.accept(applied.certificateId, { issuerName: '香蜜湖党群服务中心' }, admin);
  const certificate = await w.certificates.issue(applied.certificateId, admin);
  const print = await w.certificates.print(certificate.certificateId, me);
  return { w, me, certificate, print, token: new URL(print.verifyUrl).searchParams.get('t') ?? '' };
}

// each print lays out CJK text in an embedded font: a second or more on a loaded machine
describe('CertificatesService', { timeout: 60_000 }, () => {
  it('issues after 申请 → 受理 and prints an A4 PDF with the full name (audited), the font embedded and a QR code', async () => {
    const { w, certificate, print } = await issued();
    expect(certificate).toMatchObject({ state: 'issued', hours: { totalMinutes: 120, honourMinutes: 120 } });
    const pdf = Buffer.from(print.pdf, 'base64').toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/); // A4
    expect(pdf).toContain('/Subtype /Image'); // the QR code
    expect(new URL(print.verifyUrl).pathname).toBe('/portal/verify'); // a page people read, not the JSON route
    expect(pdf).toMatch(/\/FontName \/[A-Z]{6}\+NotoSerifCJKsc-Regular/); // the CJK font, embedded as a subset
    expect(w.outbox.dataOf('volunteer.volunteer.pii-accessed')).toEqual([
      expect.objectContaining({ subjectId: 'r-1', fields: ['name'], purpose: '打印志愿服务记录证明' }),
    ]);
  });

  it('verifies a genuine certificate showing only what it states, with the name masked', async () => {
    const { w, token } = await issued();
    expect(await w.certificates.verify(token)).toMatchObject({
      genuine: true,
      name: '欧***',
      issuerName: '香蜜湖党群服务中心',
      totalMinutes: 120,
    });
  });

  it('reports an altered or forged certificate as not genuine', async () => {
    const { w, token } = await issued();
    const [header, payload, signature] = token.split('.');
    const facts = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const altered = Buffer.from(JSON.stringify({ ...facts, total: 6000 })).toString('base64url');
    await expectAppError(
      w.certificates.verify(`${header}.${altered}.${signature}`),
      'VOLUNTEER.CERTIFICATE_NOT_GENUINE',
    );
    const other = (await issued()).token;
    await expectAppError(w.certificates.verify(other), 'VOLUNTEER.CERTIFICATE_NOT_GENUINE');
  });

  it('issues only what was accepted', async () => {
    const w = volunteerWorld();
    const me = await w.registered('r-1');
    const applied = await w.certificates.apply({ centreId: CENTRE, purpose: '' }, me);
    await expectAppError(w.certificates.issue(applied.certificateId, admin), 'VOLUNTEER.CERTIFICATE_STATE');
  });
});
