import { type Centre, type ItemContent, itemContentSchema } from '@psc/contracts/catalogue';
import { describe, expect, it } from 'vitest';
import { CatalogueView, type FoundItems, POPULARITY_STALE_MS } from './catalogue-view';

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
  holidays: 'closed',
  rooms: [],
  itemCodes: ['MZ-001', 'CD-001'],
};

function view(now?: () => number) {
  const sut = new CatalogueView(undefined, now);
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
    expect(sut.search('jydj', undefined, 5).results.map((s) => s.code)).toEqual(['JY-001']);
  });

  describe('search answers kept between searches', () => {
    const codes = (found: FoundItems) => found.results.map((s) => s.code);

    it('answers a repeated search from what it kept, by centre, normalised query and limit', () => {
      const sut = view();
      const first = sut.search('sh', centre.id, 20);
      expect(codes(first)).toEqual(['CD-001', 'MZ-001']);
      expect(sut.search('sh', centre.id, 20)).toBe(first);
      expect(sut.search(' SH ', centre.id, 20)).toBe(first); // the same query, normalised
      expect(codes(sut.search('sh', centre.id, 1))).toEqual(['CD-001']);
      expect(codes(sut.search('j', centre.id, 20))).toEqual(['MZ-001']); // JY-001 is not offered there
      expect(codes(sut.search('j', undefined, 20))).toEqual(['JY-001', 'MZ-001']); // every item
      expect(codes(sut.search('j', 'sz/nowhere', 20))).toEqual([]);
      // the second try without filler words (想要) depends on where the spaces were, so these two are kept apart
      expect(sut.search('想要书画', undefined, 20)).toMatchObject({ match: 'direct' });
      expect(sut.search('想 要书画', undefined, 20)).toMatchObject({ match: 'words' }); // read as a sentence
    });

    it('shows a publish in the very next search', () => {
      const sut = view();
      expect(codes(sut.search('jiuye', undefined, 20))).toEqual(['JY-001']);
      expect(codes(sut.search('shuhua', undefined, 20))).toEqual(['CD-001']);
      // a newer version renames CD-001 …
      sut.apply({ code: 'CD-001', version: 2, content: content('CD-001', '就业见习报名', 'employment') });
      expect(codes(sut.search('shuhua', undefined, 20))).toEqual([]);
      const renamed = sut.search('jiuye', undefined, 20);
      expect(codes(renamed)).toEqual(['CD-001', 'JY-001']); // tied: the one opened more often first
      expect(renamed.results[0]).toMatchObject({ version: 2, name: '就业见习报名', theme: 'employment' });
      // … a new item is found at once …
      sut.apply({ code: 'JY-002', version: 1, content: content('JY-002', '就业困难人员认定', 'employment') });
      expect(codes(sut.search('jiuye', undefined, 20))).toEqual(['CD-001', 'JY-001', 'JY-002']);
      // … and a replayed (older) version changes nothing
      const kept = sut.search('jiuye', undefined, 20);
      sut.apply({ code: 'JY-002', version: 1, content: content('JY-002', '旧名称', 'employment') });
      expect(sut.search('jiuye', undefined, 20)).toBe(kept);
    });

    it('starts afresh when the catalogue is loaded again or the centres change', () => {
      const sut = view();
      expect(codes(sut.search('shuhua', centre.id, 20))).toEqual(['CD-001']);
      sut.setCentres([{ ...centre, itemCodes: ['MZ-001'] }]);
      expect(codes(sut.search('shuhua', centre.id, 20))).toEqual([]);
      sut.load(
        [{ code: 'CD-002', version: 1, content: content('CD-002', '书法班报名', 'venue') }],
        [{ ...centre, itemCodes: ['CD-002'] }],
        new Map(),
      );
      expect(codes(sut.search('shu', centre.id, 20))).toEqual(['CD-002']);
      expect(codes(sut.search('shuhua', undefined, 20))).toEqual([]);
    });

    it('shows new open counts, and the order of equal matches they decide, within POPULARITY_STALE_MS', () => {
      let now = 1_000_000;
      const sut = view(() => now);
      // y: 预约 and 业 match alike; CD-001 has been opened 3 times, JY-001 never
      expect(codes(sut.search('y', undefined, 20))).toEqual(['CD-001', 'JY-001']);
      for (let i = 0; i < 4; i++) sut.opened('JY-001');
      now += POPULARITY_STALE_MS - 1;
      expect(codes(sut.search('y', undefined, 20))).toEqual(['CD-001', 'JY-001']); // the kept answer
      now += 1;
      const fresh = sut.search('y', undefined, 20);
      expect(codes(fresh)).toEqual(['JY-001', 'CD-001']);
      expect(fresh.results[0].popularity).toBe(4);
      expect(sut.search('y', undefined, 20)).toBe(fresh); // kept again until the next count
    });
  });
});
