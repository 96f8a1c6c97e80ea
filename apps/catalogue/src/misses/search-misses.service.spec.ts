import { itemContentSchema, MAX_MISS_TEXTS_PER_DAY } from '@psc/contracts/catalogue';
import { fakeModel } from '@psc/testing/unit';
import type { Model } from 'mongoose';
import { describe, expect, it } from 'vitest';
import type { CatalogueCacheService } from '../view/catalogue-cache.service';
import { CatalogueView } from '../view/catalogue-view';
import type { SearchMissDay } from './search-miss.model';
import { SearchMissesService } from './search-misses.service';

function newService(initial: SearchMissDay[] = []) {
  const view = new CatalogueView();
  view.load(
    [
      {
        code: 'MZ-001',
        version: 1,
        content: itemContentSchema.parse({
          code: 'MZ-001',
          name: '最低生活保障申请',
          theme: 'civil-assistance',
          keywords: ['低保'],
        }),
      },
    ],
    [],
    new Map(),
  );
  const days = fakeModel<SearchMissDay>(initial);
  let now = new Date('2026-12-03T02:00:00Z'); // 10:00 in Shanghai
  const sut = new SearchMissesService(
    days as unknown as Model<SearchMissDay>,
    { view } as unknown as CatalogueCacheService,
    () => now,
  );
  return { sut, days, view, later: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

describe('SearchMissesService', () => {
  it('counts a text that finds nothing, normalised, per Shanghai day, and writes the counts in one go', async () => {
    const { sut, days } = newService();
    expect(sut.report('火星 移民')).toBe(true);
    expect(sut.report('火星移民！')).toBe(true);
    expect(sut.report('Xyzxyz')).toBe(true);
    expect(days.docs.size).toBe(0); // nothing written until the flush
    await sut.flush();
    expect(days.docs.get('2026-12-03')).toMatchObject({ counts: { 火星移民: 2, xyzxyz: 1 } });
  });

  it('never counts a text that finds something, or one that may be an ID or phone number', async () => {
    const { sut, days } = newService();
    expect(sut.report('低保')).toBe(false);
    expect(sut.report('dibao')).toBe(false);
    expect(sut.report('13800138000')).toBe(false);
    expect(sut.report('44030419900101123x')).toBe(false);
    await sut.flush();
    expect(days.docs.size).toBe(0);
  });

  it('keeps at most MAX_MISS_TEXTS_PER_DAY texts a day; further new texts only add to the overflow', async () => {
    const full: Record<string, number> = {};
    for (let i = 0; i < MAX_MISS_TEXTS_PER_DAY; i++) full[`词${String.fromCharCode(0x4e00 + i)}`] = 1;
    const { sut, days } = newService([{ _id: '2026-12-03', counts: full, overflow: 0 }]);
    sut.report('词一'); // already kept: counted
    sut.report('火星移民'); // new: overflow
    await sut.flush();
    const day = days.docs.get('2026-12-03') as unknown as SearchMissDay;
    expect(day.counts['词一']).toBe(2);
    expect(day.counts['火星移民']).toBeUndefined();
    expect(day.overflow).toBe(1);
  });

  it('lists the days asked, most reported first, says what a text finds now, and forgets old days', async () => {
    const { sut, view, days, later } = newService([
      { _id: '2026-10-01', counts: { 旧的: 9 }, overflow: 0 },
      { _id: '2026-12-02', counts: { 火星移民: 1, 八十岁领钱: 3 }, overflow: 2 },
    ]);
    sut.report('火星移民');
    await sut.flush();
    expect(days.docs.has('2026-10-01')).toBe(false); // past MISS_RETENTION_DAYS
    view.apply({
      code: 'YL-001',
      version: 1,
      content: itemContentSchema.parse({
        code: 'YL-001',
        name: '高龄津贴申领',
        theme: 'elderly-care',
        keywords: ['八十岁领钱'],
      }),
    });
    later(60_000);
    const listed = await sut.list(7);
    expect(listed).toMatchObject({ from: '2026-11-27', to: '2026-12-03', overflow: 2 });
    expect(listed.misses).toEqual([
      {
        text: '八十岁领钱',
        count: 3,
        days: [{ date: '2026-12-02', count: 3 }],
        lastDate: '2026-12-02',
        foundNow: { code: 'YL-001', name: '高龄津贴申领' },
      },
      {
        text: '火星移民',
        count: 2,
        days: [
          { date: '2026-12-03', count: 1 },
          { date: '2026-12-02', count: 1 },
        ],
        lastDate: '2026-12-03',
        foundNow: null,
      },
    ]);
  });
});
