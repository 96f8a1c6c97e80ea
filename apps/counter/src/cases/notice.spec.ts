import type { Centre, Material } from '@psc/contracts/catalogue';
import { describe, expect, it } from 'vitest';
import { buildNotice, type NoticeInput } from './notice';

const materials: Material[] = [
  { name: '家庭成员居民身份证', form: 'original_and_copy', copies: 1, deferrable: false, note: '每人一份' },
  { name: '户口簿', form: 'original_and_copy', copies: 1, deferrable: true },
  { name: '最低生活保障申请书', form: 'original', copies: 1, deferrable: false },
  { name: '残疾人证或重病诊断证明', form: 'copy', copies: 2, deferrable: true },
];
const centre = {
  id: 'sz/futian/xiangmihu/c-001',
  name: '香岭社区党群服务中心',
  address: '侨香路4036号',
  phone: '0755-83418526',
} as Centre;

const view = (over: Partial<NoticeInput['view']>): NoticeInput['view'] => ({
  caseNo: '20260506001',
  state: 'correcting',
  // 23:30 UTC is the next morning in Shanghai: the notice carries the Shanghai date
  openedAt: '2026-05-05T23:30:00.000Z',
  item: { code: 'MZ-001', version: 1, name: '最低生活保障申请', promisedDays: 20 },
  missing: [],
  deferred: { names: [], due: null, supplied: true, overdue: false },
  ...over,
});

const notice = (v: NoticeInput['view']) =>
  buildNotice({
    view: v,
    item: { materials, conditions: ['具有本市户籍'] },
    applicant: '张*',
    centre,
    origin: 'https://psc.example',
  });

describe('the paper an intake calls for', () => {
  it('lists every missing material of a case in 补正, in the item’s order, with form, copies and note', () => {
    const n = notice(view({ missing: ['最低生活保障申请书', '家庭成员居民身份证', '户口簿'] }));
    expect(n).toMatchObject({
      kind: 'correction',
      caseNo: '20260506001',
      applicant: '张*',
      itemName: '最低生活保障申请',
      conditions: ['具有本市户籍'],
      promisedDays: 20,
      due: null,
      issuedOn: '2026年5月6日',
      centre: { name: '香岭社区党群服务中心', address: '侨香路4036号', phone: '0755-83418526' },
      progressUrl: 'https://psc.example/kiosk/progress?caseNo=20260506001',
    });
    expect(n?.materials).toEqual([
      { name: '家庭成员居民身份证', form: '原件及复印件', copies: 1, note: '每人一份' },
      { name: '户口簿', form: '原件及复印件', copies: 1, note: '' },
      { name: '最低生活保障申请书', form: '原件', copies: 1, note: '' },
    ]);
  });

  it('makes a 容缺 promise of the deferred materials with their due date', () => {
    const n = notice(
      view({
        state: 'accepted',
        deferred: { names: ['残疾人证或重病诊断证明'], due: '2026-05-13', supplied: false, overdue: false },
      }),
    );
    expect(n).toMatchObject({ kind: 'promise', due: '2026年5月13日' });
    expect(n?.materials).toEqual([{ name: '残疾人证或重病诊断证明', form: '复印件', copies: 2, note: '' }]);
  });

  it('needs no paper when every material was there, or the promised ones have come', () => {
    expect(notice(view({ state: 'accepted' }))).toBeNull();
    expect(
      notice(
        view({
          state: 'accepted',
          deferred: { names: ['户口簿'], due: '2026-05-13', supplied: true, overdue: false },
        }),
      ),
    ).toBeNull();
  });
});
