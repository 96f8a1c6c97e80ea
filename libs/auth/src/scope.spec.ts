import { describe, expect, it } from 'vitest';
import { covers, isValidScope, scopeLevel } from './scope';

describe('scope', () => {
  it.each([
    ['sz', 'city'],
    ['sz/futian', 'district'],
    ['sz/futian/xiangmihu', 'street'],
    ['sz/futian/xiangmihu/c-001', 'centre'],
  ] as const)('%s is a %s', (scope, level) => {
    expect(scopeLevel(scope)).toBe(level);
  });

  it.each(['', 'SZ', 'sz/', '/sz', 'sz//futian', 'sz/futian/x/c-001/room', 'sz/fu tian', 'sz/-x', 'sz/福田'])(
    'refuses %j',
    (scope) => {
      expect(isValidScope(scope)).toBe(false);
      expect(() => scopeLevel(scope)).toThrow(TypeError);
    },
  );

  it.each([
    ['sz', 'sz', true],
    ['sz', 'sz/futian/xiangmihu/c-001', true],
    ['sz/futian', 'sz/futian', true],
    ['sz/futian', 'sz/futian/x', true],
    ['sz/futian', 'sz/futian/x/c-001', true],
    ['sz/futian/xiangmihu', 'sz/futian/xiangmihu/c-001', true],
    ['sz/futian/xiangmihu/c-001', 'sz/futian/xiangmihu/c-001', true],
    ['sz/futian', 'sz/futianxyz', false],
    ['sz/futian', 'sz/futianxyz/x', false],
    ['sz/futian', 'sz', false],
    ['sz/futian/xiangmihu/c-001', 'sz/futian/xiangmihu', false],
    ['sz/futian/xiangmihu/c-001', 'sz/futian/xiangmihu/c-002', false],
    ['sz/futian/xiangmihu/c-001', 'sz/futian/xiangmihu/c-0011', false],
    ['sz/luohu', 'sz/futian/x', false],
    ['gz', 'sz', false],
    ['sz/', 'sz/futian', false],
    ['sz', 'sz/futian/', false],
    ['', 'sz', false],
  ])('covers(%j, %j) is %s', (roleScope, resourceScope, expected) => {
    expect(covers(roleScope, resourceScope)).toBe(expected);
  });
});
