import { type Centre, type ItemContent, itemContentSchema } from '@psc/contracts/catalogue';
import { describe, expect, it } from 'vitest';
import { CatalogueView } from './catalogue-view';

const content = (code: string, name: string, theme: ItemContent['theme']): ItemContent =>
  itemContentSchema.parse({ code, name, theme });

const centre: Centre = {
  id: 'sz/futian/xiangmihu/c-001',
  name: '香岭社区党群服务中心',
  level: 'community',
  parentId: 'sz/futian/xiangmihu',
  address: '福田区香蜜湖街道香岭社区',
  phone: '',
  hours: [{ weekdays: [1, 2, 3, 4, 5], open: '09:00', close: '18:00' }],
  rooms: [],
  itemCodes: ['MZ-001', 'CD-001'],
};

function view() {
  const sut = new CatalogueView();
  sut.load(
    [
      { code: 'MZ-001', version: 1, content: content('MZ-001', '最低生活保障申请', 'civil-assistance') },
      {
        code: 'MZ-001',
        version: 2,
        content: content('MZ-001', '最低生活保障申请（新）', 'civil-assistance'),
      },
      { code: 'CD-001', version: 1, content: content('CD-001', '书画室预约', 'venue') },
      { code: 'JY-001', version: 1, content: content('JY-001', '就业登记', 'employment') },
    ],
    [centre],
    new Map([['CD-001', 3]]),
  );
  return sut;
}

describe('CatalogueView', () => {
  it('shows the latest version of each item', () => {
    expect(view().item('MZ-001')).toMatchObject({ version: 2, name: '最低生活保障申请（新）' });
  });

  it('limits a centre to the items it offers and counts them per theme', () => {
    const sut = view();
    const offered = sut.offered(centre.id)!;
    expect([...offered].sort()).toEqual(['CD-001', 'MZ-001']);
    expect(sut.themes(offered)).toEqual([
      { code: 'civil-assistance', name: '民政救助', count: 1 },
      { code: 'venue', name: '场地预约', count: 1 },
    ]);
    expect(sut.offered('sz/nowhere')).toBeUndefined();
    expect(sut.offered()?.size).toBe(3);
  });

  it('lists popular items first (themes in their usual order until anything is opened), and an opened item climbs', () => {
    const sut = view();
    const all = sut.offered()!;
    // CD-001 was opened 3 times; the others never, so their themes' order decides (民政救助 before 就业创业)
    expect(sut.list(all).map((s) => s.code)).toEqual(['CD-001', 'MZ-001', 'JY-001']);
    for (let i = 0; i < 4; i++) sut.opened('MZ-001');
    expect(sut.list(all, undefined, 1).map((s) => s.code)).toEqual(['MZ-001']);
    expect(sut.list(all, 'employment').map((s) => s.code)).toEqual(['JY-001']);
  });

  it('takes a newer published version and ignores a replayed or older one', () => {
    const sut = view();
    expect(
      sut.apply({ code: 'JY-001', version: 2, content: content('JY-001', '就业登记（个人）', 'employment') }),
    ).toBe(true);
    expect(
      sut.apply({ code: 'JY-001', version: 1, content: content('JY-001', '旧名称', 'employment') }),
    ).toBe(false);
    expect(sut.item('JY-001')?.name).toBe('就业登记（个人）');
    expect(sut.search('jydj', sut.offered()!, 5).map((s) => s.code)).toEqual(['JY-001']);
  });
});
