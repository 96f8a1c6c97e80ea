import { describe, expect, it } from 'vitest';
import { assertOrgMember, orgGrant, orgsOf } from './org';
import type { Principal } from './roles';
import { covers } from './scope';

const principal = (roles: Principal['roles'], kind: Principal['kind'] = 'staff'): Principal => ({
  sub: 'u1',
  kind,
  roles,
  sessionId: 's1',
});

describe('organisation grants', () => {
  it('name the organisations a member works for, and nothing from other roles', () => {
    const p = principal([orgGrant('o-1'), { role: 'centre_admin', scope: 'sz/futian' }]);
    expect(orgsOf(p)).toEqual(['o-1']);
    expect(orgsOf(principal([{ role: 'org_member', scope: 'sz/futian' }]))).toEqual([]);
  });

  it('refuse another organisation and residents holding the same scope', () => {
    expect(() => assertOrgMember(principal([orgGrant('o-1')]), 'o-1')).not.toThrow();
    expect(() => assertOrgMember(principal([orgGrant('o-1')]), 'o-2')).toThrow(
      expect.objectContaining({ code: 'AUTH.OUT_OF_SCOPE' }),
    );
    expect(() => assertOrgMember(principal([orgGrant('o-1')], 'resident'), 'o-1')).toThrow();
  });

  it('lie outside the place tree: a city administrator does not cover an organisation scope', () => {
    expect(covers('sz', orgGrant('o-1').scope)).toBe(false);
    expect(covers(orgGrant('o-1').scope, orgGrant('o-12').scope)).toBe(false);
  });
});
