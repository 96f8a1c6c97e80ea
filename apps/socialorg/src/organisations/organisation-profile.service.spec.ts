import { expectAppError } from '@psc/testing/unit';
import { describe, expect, it } from 'vitest';
import { memberOf, otherAdmin, socialorgWorld } from '../../test/socialorg-world';

const profile = (revision: number) => ({
  revision,
  name: '香岭社区长者服务中心',
  fields: ['elderly', 'health'] as const,
  address: '深圳市福田区香岭路 20 号',
  description: '助餐、探访、健康讲座',
});

describe('OrganisationProfileService', () => {
  it('lets the organisation keep its profile up to date, on the record', async () => {
    const world = socialorgWorld();
    const { orgId } = await world.registered();
    const view = await world.org.profile.update(
      orgId,
      { ...profile(1), fields: ['elderly', 'health'] },
      memberOf(orgId),
    );
    expect(view).toMatchObject({
      revision: 2,
      address: '深圳市福田区香岭路 20 号',
      fields: ['elderly', 'health'],
    });
    expect(view.history.at(-1)).toMatchObject({
      action: 'update_profile',
      by: `u-${orgId}`,
      role: 'org_member',
    });
    expect(world.outbox.types.at(-1)).toBe('socialorg.organisation.profile-updated');
  });

  it("refuses another organisation's staff and another place's administrators (403), and a stale revision (409)", async () => {
    const world = socialorgWorld();
    const { orgId } = await world.registered();
    const request = { ...profile(1), fields: ['elderly' as const] };
    for (const who of [memberOf('org-other'), otherAdmin])
      await expectAppError(world.org.profile.update(orgId, request, who), 'AUTH.OUT_OF_SCOPE');
    await world.org.profile.update(orgId, request, memberOf(orgId));
    const stale = await expectAppError(
      world.org.profile.update(orgId, request, memberOf(orgId)),
      'SOCIALORG.ORGANISATION_CHANGED',
    );
    expect(stale.status).toBe(409);
  });

  it('records a new party branch with its date and reason, and what it was before, for the street figures', async () => {
    const world = socialorgWorld();
    const { orgId } = await world.registered();
    const view = await world.org.profile.changePartyBuilding(
      orgId,
      {
        revision: 1,
        partyBuilding: { kind: 'branch', formedAt: '2025-02-20', partyMembers: 3 },
        reason: '经街道党工委批复成立党支部',
      },
      memberOf(orgId),
    );
    expect(view.partyBuilding).toEqual({ kind: 'branch', formedAt: '2025-02-20', partyMembers: 3 });
    expect(view.history.at(-1)).toMatchObject({
      action: 'party_building',
      reason: '经街道党工委批复成立党支部',
    });
    expect(world.outbox.dataOf('socialorg.organisation.party-building-changed')).toEqual([
      expect.objectContaining({
        orgId,
        streetId: 'sz/futian/xiangmihu',
        from: { kind: 'none', formedAt: null, partyMembers: 1 },
        to: { kind: 'branch', formedAt: '2025-02-20', partyMembers: 3 },
      }),
    ]);
  });

  it('refuses a change that changes nothing, and a party organisation formed after today', async () => {
    const world = socialorgWorld();
    const { orgId } = await world.registered();
    const same = await expectAppError(
      world.org.profile.changePartyBuilding(
        orgId,
        { revision: 1, partyBuilding: { kind: 'none', partyMembers: 1 }, reason: '核对' },
        memberOf(orgId),
      ),
      'SOCIALORG.PARTY_BUILDING_INVALID',
    );
    expect(same.message).toBe('党组织信息与当前登记的相同（无党组织），无需变更');
    const future = await expectAppError(
      world.org.profile.changePartyBuilding(
        orgId,
        {
          revision: 1,
          partyBuilding: { kind: 'group', formedAt: '2025-03-10', partyMembers: 1 },
          reason: '成立党小组',
        },
        memberOf(orgId),
      ),
      'SOCIALORG.PARTY_BUILDING_INVALID',
    );
    expect(future.message).toBe('党组织成立日期不能晚于今天（2025-03-03）');
    expect(world.outbox.types).toEqual(['socialorg.organisation.registered']);
  });
});
