import type { Material } from '@psc/contracts/catalogue';
import { describe, expect, it } from 'vitest';
import { summariseIntake } from './intake';

const materials: Material[] = [
  { name: '居民身份证', form: 'original_and_copy', copies: 1, deferrable: false },
  { name: '户口簿', form: 'original', copies: 1, deferrable: true },
  { name: '收入证明', form: 'original', copies: 1, deferrable: false },
];

describe('the intake summary', () => {
  it('accepts when every material is ticked', () => {
    expect(summariseIntake(materials, { 居民身份证: true, 户口簿: true, 收入证明: true })).toMatchObject({
      outcome: 'accepted',
      provided: 3,
      total: 3,
    });
  });

  it('accepts on promise (容缺) when only materials allowed to follow are missing', () => {
    const summary = summariseIntake(materials, { 居民身份证: true, 收入证明: true });
    expect(summary.outcome).toBe('accepted_with_promise');
    expect(summary.outcome === 'accepted_with_promise' && summary.deferred.map((m) => m.name)).toEqual([
      '户口簿',
    ]);
  });

  it('issues a 一次性告知书 naming every missing material, the 容缺 ones too, when a required one is missing', () => {
    const summary = summariseIntake(materials, { 居民身份证: true, 户口簿: false });
    expect(summary.outcome).toBe('correcting');
    expect(summary.outcome === 'correcting' && summary.missing.map((m) => m.name)).toEqual([
      '户口簿',
      '收入证明',
    ]);
    expect(summary.provided).toBe(1);
  });

  it('starts with nothing ticked as a correction, so nothing is accepted by default', () => {
    expect(summariseIntake(materials, {}).outcome).toBe('correcting');
  });
});
