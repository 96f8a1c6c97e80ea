import { staffWith } from '@psc/testing/unit';
import { describe, expect, it } from 'vitest';
import { accessContext } from './access-context';

const admin = staffWith(
  [
    { role: 'counter_staff', scope: 'sz/futian' },
    { role: 'centre_admin', scope: 'sz/futian/xiangmihu/c-001' },
  ],
  { sub: 'u-1' },
);

describe('accessContext', () => {
  it('reads the screen and a percent-encoded Chinese purpose from the headers', () => {
    const headers = { 'x-screen': 'Counter', 'x-access-purpose': encodeURIComponent('办理高龄津贴') };
    expect(accessContext(admin, headers, '默认')).toEqual({
      actor: { id: 'u-1', kind: 'staff', role: 'centre_admin' },
      screen: 'counter',
      purpose: '办理高龄津贴',
    });
  });

  it('falls back to api and the route’s purpose, and caps a long purpose', () => {
    expect(accessContext(admin, { 'x-screen': 'fax' }, '窗口核验')).toMatchObject({
      screen: 'api',
      purpose: '窗口核验',
    });
    const long = accessContext(admin, { 'x-access-purpose': 'x'.repeat(500) }, '默认');
    expect(long.purpose).toHaveLength(100);
  });
});
