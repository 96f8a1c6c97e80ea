import { describe, expect, it } from 'vitest';
import { AREAS } from '../areas';
import { navItems, scopeOf } from './access';

const pages = AREAS.flatMap((a) => a.routes);

describe('the side navigation', () => {
  it('shows an organisation its own pages and none of the administrators’', () => {
    expect(navItems(pages, ['org_member']).map((i) => i.name)).toEqual([
      'my-organisation',
      'my-incubation',
      'open-calls',
      'my-applications',
      'my-agreements',
      'organiser-activities',
      'organiser-unit-records',
    ]);
  });

  it('lists an administrator’s pages in section order, then by their order', () => {
    expect(navItems(pages, ['centre_admin'])).toEqual([
      expect.objectContaining({ name: 'organisation-registry', section: 'admin' }),
      expect.objectContaining({ name: 'incubation-review', section: 'admin' }),
      expect.objectContaining({ name: 'calls-desk', section: 'admin' }),
      expect.objectContaining({ name: 'lists-board', section: 'admin' }),
      expect.objectContaining({ name: 'agreements-desk', section: 'admin' }),
      expect.objectContaining({ name: 'admin-activities', section: 'admin' }),
      expect.objectContaining({ name: 'organiser-corrections', section: 'admin' }),
      expect.objectContaining({ name: 'organiser-wishes', section: 'admin' }),
      expect.objectContaining({ name: 'organiser-party-members', section: 'admin' }),
      expect.objectContaining({ name: 'dashboard', section: 'admin' }),
    ]);
  });

  it('places no two pages of a section at the same position, so the order does not depend on the router', () => {
    const positions = navItems(pages, ['org_member', 'centre_admin', 'expert_reviewer']).map(
      (i) => `${i.section}:${i.order}`,
    );
    expect(new Set(positions).size).toBe(positions.length);
  });

  it('gives a role no page opens nothing, and a department reviewer only the registry', () => {
    expect(navItems(pages, ['resident'])).toEqual([]);
    expect(navItems(pages, ['dept_reviewer']).map((i) => i.name)).toEqual(['organisation-registry']);
  });

  it('has a label in both languages for every page it lists', () => {
    for (const item of navItems(pages, ['org_member', 'centre_admin'])) {
      const [area, ...path] = item.label.split('.');
      for (const locale of ['zh-CN', 'en'] as const) {
        const messages = AREAS.map((a) => a.messages[locale][area]).find(Boolean);
        const label = path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], messages);
        expect(typeof label, `${locale} ${item.label}`).toBe('string');
      }
    }
  });
});

describe('the place an administrator looks after', () => {
  it('is the scope of their first grant of the wanted roles', () => {
    const user = {
      username: 'u',
      displayName: 'U',
      roles: [
        { role: 'org_member', scope: 'org/org-1' },
        { role: 'centre_admin', scope: 'sz/futian/xiangmihu' },
      ],
    };
    expect(scopeOf(user, ['centre_admin', 'city_admin'])).toBe('sz/futian/xiangmihu');
    expect(scopeOf(user, ['city_admin'])).toBeUndefined();
  });
});
