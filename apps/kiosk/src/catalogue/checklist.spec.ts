import type { Centre } from '@psc/contracts/catalogue';
import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import type { CatalogueItem } from '@psc/web-data';
import { checklistText } from './checklist';

const item: CatalogueItem = {
  code: 'MZ-001',
  version: 2,
  name: '最低生活保障申请',
  theme: 'civil-assistance',
  mode: 'proxy',
  summary: '家庭人均收入低于本市最低生活保障标准的本市户籍家庭，可申请最低生活保障。',
  department: '福田区民政局',
  legalBasis: ['《社会救助暂行办法》第九条'],
  conditions: ['具有本市户籍'],
  materials: [
    {
      name: '家庭成员居民身份证',
      form: 'original_and_copy',
      copies: 1,
      deferrable: false,
      note: '共同生活的家庭成员每人一份',
    },
    { name: '户口簿', form: 'original_and_copy', copies: 1, deferrable: true },
    { name: '家庭成员收入证明', form: 'original', copies: 2, deferrable: false },
  ],
  legalDays: 30,
  promisedDays: 20,
  feeFen: 0,
  visits: 1,
  online: true,
  delivery: ['window', 'mail'],
  where: '社区党群服务中心综合服务窗口',
  faq: [{ question: '低保金怎么发？', answer: '按月打入银行账户。' }],
  keywords: ['低保'],
};

const centre = {
  name: '香岭社区党群服务中心',
  phone: '0755-83418526',
} as Centre;

describe('checklistText', () => {
  it('lists every material with form, copies and whether it may follow, then the limit, in plain text', () => {
    expect(checklistText(item, centre)).toBe(
      [
        '【办事材料清单】最低生活保障申请',
        '香岭社区党群服务中心 0755-83418526',
        '须带材料（共 3 项）：',
        '1. 家庭成员居民身份证 · 原件及复印件 · 1 份',
        '2. 户口簿 · 原件及复印件 · 1 份 · 可容缺',
        '3. 家庭成员收入证明 · 原件 · 2 份',
        '办理时限：承诺 20 个工作日（法定 30 个工作日）',
        '到现场：最多跑一次',
        '收费：免费',
        '办理地点：社区党群服务中心综合服务窗口',
        '事项编码 MZ-001 · 第 2 版',
      ].join('\n'),
    );
  });

  it('leaves out what it does not know', () => {
    const text = checklistText({ ...item, where: '' });
    expect(text).not.toContain('香岭');
    expect(text).not.toContain('办理地点');
  });

  it('keeps a long list within a QR code a phone reads easily off the screen', () => {
    // the longest lists in the seed have six materials with names of up to 12 characters
    const long = {
      ...item,
      materials: Array.from({ length: 6 }, (_, i) => ({
        name: `第${i + 1}项加盖公章的证明材料原件`,
        form: 'original_and_copy' as const,
        copies: 1,
        deferrable: i % 2 === 0,
      })),
    };
    // version 20 is 97 modules a side: over 3 px each at the size the item page draws it
    expect(create(checklistText(long, centre), { errorCorrectionLevel: 'L' }).version).toBeLessThanOrEqual(
      20,
    );
  });
});
