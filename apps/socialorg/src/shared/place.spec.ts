import { staffWith } from '@psc/testing/unit';
import { describe, expect, it } from 'vitest';
import { actingRole, daysBetween, newId, placePath } from './place';

describe('place helpers', () => {
  it('lists every scope a centre lies within, city first', () => {
    expect(placePath('sz/futian/xiangmihu/c-001')).toEqual([
      'sz',
      'sz/futian',
      'sz/futian/xiangmihu',
      'sz/futian/xiangmihu/c-001',
    ]);
  });

  it('makes ids that are scope segments, and different each time', () => {
    const [a, b] = [newId('org'), newId('org')];
    expect(a).toMatch(/^org-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
  });

  it('names the role acted in from the ones a step allows', () => {
    const both = staffWith([
      { role: 'counter_staff', scope: 'sz' },
      { role: 'centre_admin', scope: 'sz/futian' },
    ]);
    expect(actingRole(both, ['centre_admin', 'city_admin'])).toBe('centre_admin');
    expect(actingRole(both, ['org_member'])).toBe('counter_staff');
  });

  it('counts calendar days across a month and a leap day', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-03-03', '2025-03-03')).toBe(0);
  });
});
