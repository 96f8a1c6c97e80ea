import { describe, expect, it } from 'vitest';
import { ReplayBuffer } from './replay-buffer';

const filled = (capacity: number, count: number) => {
  const buffer = new ReplayBuffer<string>(capacity);
  for (let i = 1; i <= count; i++) buffer.push(`e${i}`);
  return buffer;
};

describe('replay buffer', () => {
  it('numbers values from 1 and replays everything after a seq, oldest first', () => {
    const buffer = filled(5, 3);
    expect(buffer.lastSeq).toBe(3);
    expect(buffer.after(1)?.map((e) => [e.seq, e.value])).toEqual([
      [2, 'e2'],
      [3, 'e3'],
    ]);
    expect(buffer.after(0)?.map((e) => e.value)).toEqual(['e1', 'e2', 'e3']);
    expect(buffer.after(3)).toEqual([]);
  });

  it('keeps only the newest values once full and still replays across the wrap', () => {
    const buffer = filled(3, 7);
    expect(buffer.after(4)?.map((e) => e.value)).toEqual(['e5', 'e6', 'e7']);
    expect(buffer.after(5)?.map((e) => e.seq)).toEqual([6, 7]);
  });

  it('refuses a replay it can no longer give completely', () => {
    const buffer = filled(3, 7);
    expect(buffer.after(3)).toBeUndefined(); // e4 has been overwritten
    expect(buffer.after(0)).toBeUndefined();
  });

  it('refuses a seq it never issued', () => {
    const buffer = filled(3, 2);
    expect(buffer.after(3)).toBeUndefined();
    expect(buffer.after(-1)).toBeUndefined();
    expect(buffer.after(1.5)).toBeUndefined();
    expect(new ReplayBuffer(2).after(0)).toEqual([]);
  });

  it('needs room for at least one value', () => {
    expect(() => new ReplayBuffer(0)).toThrow(RangeError);
  });
});
