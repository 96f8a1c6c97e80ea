import { describe, expect, it } from 'vitest';
import { protectedChannels } from './channels';

describe('push channels', () => {
  it('asks a token for the case channel alone, and opens it to staff only', () => {
    expect(protectedChannels(['catalogue', 'queue'])).toEqual([]);
    const needed = protectedChannels(['catalogue', 'queue', 'case']);
    expect(needed.map((n) => n.channel)).toEqual(['case']);
    for (const { roles } of needed) {
      expect(roles).not.toContain('resident');
      expect(roles).not.toContain('volunteer');
      expect(roles).toContain('counter_staff');
    }
  });
});
