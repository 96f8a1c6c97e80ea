import { expectAppError, staff } from '@psc/testing/unit';
import { describe, expect, it } from 'vitest';
import {
  CODES,
  memberOf,
  OTHER_CENTRE,
  registration,
  socialorgWorld,
  STREET,
  streetAdmin,
} from '../../test/socialorg-world';

describe('OrganisationQueriesService', () => {
  it("lists a street's organisations to its administrators and the district's reviewers, not another street's", async () => {
    const world = socialorgWorld();
    const here = await world.registered();
    await world.org.registration.register(
      registration({ creditCode: CODES[1], centreId: OTHER_CENTRE }),
      staff('centre_admin', OTHER_CENTRE),
    );
    expect((await world.org.queries.inPlace(STREET, streetAdmin)).map((o) => o.orgId)).toEqual([here.orgId]);
    expect(await world.org.queries.inPlace('sz/futian', staff('dept_reviewer', 'sz/futian'))).toHaveLength(1);
    await expectAppError(world.org.queries.inPlace('sz/nanshan', streetAdmin), 'AUTH.OUT_OF_SCOPE');
  });

  it("gives an organisation's staff their own organisation and refuses them another's", async () => {
    const world = socialorgWorld();
    const mine = await world.registered();
    const theirs = await world.registered({ creditCode: CODES[1] });
    expect((await world.org.queries.mine(memberOf(mine.orgId))).map((o) => o.orgId)).toEqual([mine.orgId]);
    expect((await world.org.queries.get(mine.orgId, memberOf(mine.orgId))).name).toBe('香岭社区长者服务中心');
    const refused = await expectAppError(
      world.org.queries.get(theirs.orgId, memberOf(mine.orgId)),
      'AUTH.OUT_OF_SCOPE',
    );
    expect(refused.status).toBe(403);
  });
});
