import { expectAppError } from '@psc/testing/unit';
import { describe, expect, it } from 'vitest';
import { centreAdmin, memberOf, otherAdmin, PDF, socialorgWorld, STREET } from '../../test/socialorg-world';

const application = (orgId: string, attachments: string[] = []) => ({
  orgId,
  baseId: STREET,
  plan: '入驻后开展长者助餐和探访服务，半年内完成民非登记',
  needs: ['office' as const],
  teamSize: 6,
  attachments,
});

describe('IncubationApplyService', () => {
  it("takes the organisation's application with its own attachments, and announces it", async () => {
    const world = socialorgWorld();
    const { orgId } = await world.registered();
    const member = memberOf(orgId);
    const file = await world.files.put(
      { orgId, kind: 'incubation' },
      { name: '章程.pdf', bytes: PDF },
      member,
    );
    const view = await world.incubation.apply.apply(application(orgId, [file.fileId]), member);
    expect(view).toMatchObject({
      orgId,
      orgName: '香岭社区长者服务中心',
      baseId: STREET,
      state: 'applied',
      attachments: [file.fileId],
    });
    expect(world.outbox.dataOf('socialorg.incubation.applied')).toEqual([
      expect.objectContaining({ incubationId: view.incubationId, orgId, baseId: STREET, needs: ['office'] }),
    ]);
  });

  it('lets the community administrator apply for the organisation, and nobody of another place or organisation', async () => {
    const world = socialorgWorld();
    const { orgId } = await world.registered();
    expect((await world.incubation.apply.apply(application(orgId), centreAdmin)).history[0].role).toBe(
      'centre_admin',
    );
    const other = await socialorgWorld().registered();
    for (const who of [otherAdmin, memberOf('org-other')])
      await expectAppError(
        world.incubation.apply.apply(application(other.orgId), who),
        'SOCIALORG.ORGANISATION_NOT_FOUND',
      );
    await expectAppError(
      world.incubation.apply.apply(application(orgId), memberOf('org-other')),
      'AUTH.OUT_OF_SCOPE',
    );
  });

  it("refuses another organisation's file, or one uploaded for something else, as an attachment", async () => {
    const world = socialorgWorld();
    const mine = await world.registered();
    const theirs = await world.registered({ creditCode: '52440304MJL000133T' });
    const foreign = await world.files.put(
      { orgId: theirs.orgId, kind: 'incubation' },
      { name: 'a.pdf', bytes: PDF },
      centreAdmin,
    );
    const evidence = await world.files.put(
      { orgId: mine.orgId, kind: 'milestone' },
      { name: 'b.pdf', bytes: PDF },
      centreAdmin,
    );
    for (const file of [foreign, evidence]) {
      const error = await expectAppError(
        world.incubation.apply.apply(application(mine.orgId, [file.fileId]), memberOf(mine.orgId)),
        'SOCIALORG.INCUBATION_INVALID',
      );
      expect(error.message).toBe(`附件 ${file.fileId} 不是本组织上传的入驻申请材料`);
    }
  });

  it('holds one active application or stay per organisation, naming it', async () => {
    const world = socialorgWorld();
    const { orgId, view } = await world.applied();
    const error = await expectAppError(
      world.incubation.apply.apply(application(orgId), memberOf(orgId)),
      'SOCIALORG.INCUBATION_ACTIVE',
    );
    expect([error.status, error.details]).toEqual([
      409,
      { incubationId: view.incubationId, state: 'applied' },
    ]);
  });
});
