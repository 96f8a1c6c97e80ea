import { describe, expect, it } from 'vitest';
import type { Material } from '../catalogue/item';
import { decideIntake, IntakeChecklistError } from './intake';

const materials: Material[] = [
  { name: '居民身份证', form: 'original_and_copy', copies: 1, deferrable: false },
  { name: '户口簿', form: 'original', copies: 1, deferrable: false },
  { name: '收入证明', form: 'original', copies: 1, deferrable: true },
];
const ticked = (...provided: string[]) =>
  materials.map((m) => ({ name: m.name, provided: provided.includes(m.name) }));

describe('intake at the window', () => {
  it('accepts a case with every material', () => {
    expect(decideIntake(materials, ticked('居民身份证', '户口簿', '收入证明')).outcome).toBe('accepted');
  });

  it('accepts on promise (容缺) when only a material allowed to follow later is missing', () => {
    const decision = decideIntake(materials, ticked('居民身份证', '户口簿'));
    expect(decision).toMatchObject({ outcome: 'accepted_with_promise', deferred: [{ name: '收入证明' }] });
  });

  it('sends the case to 补正 when a required material is missing, listing everything missing at once', () => {
    const decision = decideIntake(materials, ticked('居民身份证'));
    expect(decision.outcome).toBe('correcting');
    expect(decision.outcome === 'correcting' && decision.missing.map((m) => m.name)).toEqual([
      '户口簿',
      '收入证明',
    ]);
  });

  it('refuses a checklist that leaves out a material, repeats one or adds one the item does not ask for', () => {
    const partial = () => decideIntake(materials, ticked('居民身份证').slice(0, 2));
    expect(partial).toThrow(IntakeChecklistError);
    expect(partial).toThrow('请确认材料“收入证明”是否已提供');
    const extra = [...ticked('居民身份证', '户口簿', '收入证明'), { name: '结婚证', provided: true }];
    expect(() => decideIntake(materials, extra)).toThrow('“结婚证”不是该事项要求的材料');
    const twice = [...ticked('居民身份证', '户口簿', '收入证明'), { name: '户口簿', provided: true }];
    expect(() => decideIntake(materials, twice)).toThrow('材料清单中有重复的材料');
  });
});
