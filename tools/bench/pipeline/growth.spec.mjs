import { describe, expect, it } from 'vitest';
import { caseVariant, centreWeek } from './growth.mjs';

const CENTRE = 'sz/futian/xiangmihu/c-001';

describe('centreWeek', () => {
  it('files a case under the Monday of its week in Shanghai, as affairs does', () => {
    expect(centreWeek(CENTRE, new Date('2025-03-09T15:59:00Z'))).toBe(`${CENTRE}|2025-03-03`); // Sunday 23:59
    expect(centreWeek(CENTRE, new Date('2025-03-09T16:00:00Z'))).toBe(`${CENTRE}|2025-03-10`); // Monday 00:00
  });
});

describe('caseVariant', () => {
  it('makes a year of distinct cases of past days, the centre among forty, one in fifty still live', () => {
    const template = { _id: '26120300001', state: 'accepted', centreId: CENTRE, history: [] };
    const vary = caseVariant(template, CENTRE, 10_000);
    const grown = Array.from({ length: 10_000 }, (_, i) => vary({ ...template }, i));
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(2, 10).replaceAll('-', '');
    expect(new Set(grown.map((c) => c._id)).size).toBe(10_000);
    expect(grown.every((c) => /^\d{11}$/.test(c._id) && !c._id.startsWith(today))).toBe(true);
    expect(new Set(grown.map((c) => c.centreId)).size).toBe(40);
    expect(grown.filter((c) => c.centreId === CENTRE)).toHaveLength(250);
    expect(grown.filter((c) => c.live)).toHaveLength(200);
    expect(grown.every((c) => c.live === (c.state === 'assigned'))).toBe(true);
    expect(grown.every((c) => c.centreWeek === centreWeek(c.centreId, c.openedAt))).toBe(true);
    const oldest = Math.min(...grown.map((c) => c.openedAt.getTime()));
    expect(Date.now() - oldest).toBeLessThan(367 * 86_400_000);
  });
});
