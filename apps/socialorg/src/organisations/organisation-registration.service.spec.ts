import { expectAppError } from '@psc/testing/unit';
import { describe, expect, it } from 'vitest';
import {
  CENTRE,
  CODES,
  counter,
  otherAdmin,
  registration,
  socialorgWorld,
  streetAdmin,
} from '../../test/socialorg-world';

describe('OrganisationRegistrationService.register', () => {
  it('registers an organisation at its community with its street, on the record, and announces it', async () => {
    const world = socialorgWorld();
    const view = await world.registered();
    expect(view).toMatchObject({
      revision: 1,
      registration: 'registered',
      creditCode: CODES[0],
      filingNo: null,
      centreId: CENTRE,
      streetId: 'sz/futian/xiangmihu',
      partyBuilding: { kind: 'none', formedAt: null, partyMembers: 1 },
      contacts: [],
      history: [{ action: 'register', by: 'u-centre_admin', role: 'centre_admin', reason: null }],
    });
    expect(view.orgId).toMatch(/^org-[0-9a-f]{12}$/);
    expect(world.outbox.dataOf('socialorg.organisation.registered')).toEqual([
      expect.objectContaining({
        orgId: view.orgId,
        centreId: CENTRE,
        streetId: 'sz/futian/xiangmihu',
        by: 'u-centre_admin',
      }),
    ]);
  });

  it('lets a street administrator register for any community of the street, and nobody outside it', async () => {
    const world = socialorgWorld();
    expect((await world.org.registration.register(registration(), streetAdmin)).centreId).toBe(CENTRE);
    for (const who of [otherAdmin, counter])
      await expectAppError(
        world.org.registration.register(registration({ creditCode: CODES[1] }), who),
        'AUTH.OUT_OF_SCOPE',
      );
    expect(world.outbox.types).toEqual(['socialorg.organisation.registered']);
  });

  it('refuses a credit code whose check character is wrong, saying so', async () => {
    const error = await expectAppError(
      socialorgWorld().registered({ creditCode: '52440304MJL0001251' }),
      'SOCIALORG.CREDIT_CODE_INVALID',
    );
    expect([error.status, error.message]).toEqual([400, '统一社会信用代码校验位不正确，请核对最后一位']);
  });

  it("refuses a company's code for a 社会服务机构: the category must be 民政's", async () => {
    const error = await expectAppError(
      socialorgWorld().registered({ creditCode: '91440300708461136T' }),
      'SOCIALORG.CREDIT_CODE_MISMATCH',
    );
    expect(error.message).toBe(
      '统一社会信用代码前两位为“91”，与“社会服务机构（民办非企业单位）”不符：民政登记的社会服务机构（民办非企业单位）应以 52 开头',
    );
  });

  it('files a community group with its 备案编号 and no credit code', async () => {
    const view = await socialorgWorld().registered({
      registration: 'community_filed',
      filingNo: '香岭社区备字 2024-007',
      type: 'community_group',
    } as never);
    expect(view).toMatchObject({
      registration: 'community_filed',
      creditCode: null,
      filingNo: '香岭社区备字 2024-007',
    });
  });

  it('refuses the same credit code twice, naming the organisation that has it', async () => {
    const world = socialorgWorld();
    const first = await world.registered();
    const error = await expectAppError(
      world.registered({ name: '另一个名字', creditCode: CODES[0] }),
      'SOCIALORG.ORGANISATION_EXISTS',
    );
    expect([error.status, error.message]).toEqual([
      409,
      `该组织已登记为“香岭社区长者服务中心”（编号 ${first.orgId}），请勿重复登记`,
    ]);
    expect(world.outbox.types).toEqual(['socialorg.organisation.registered']);
  });

  it('refuses a founding date after today and a party branch formed before the organisation was', async () => {
    const world = socialorgWorld();
    const future = await expectAppError(
      world.registered({ foundedOn: '2025-03-04' }),
      'COMMON.VALIDATION_FAILED',
    );
    expect(future.message).toBe('成立日期不能晚于今天（2025-03-03）');
    const early = await expectAppError(
      world.registered({ partyBuilding: { kind: 'branch', formedAt: '2020-01-01', partyMembers: 3 } }),
      'SOCIALORG.PARTY_BUILDING_INVALID',
    );
    expect(early.message).toBe('党组织成立日期不能早于组织成立日期（2021-05-10）');
  });

  it('gives the other parts of socialorg a snapshot of who the organisation is, and null for no one', async () => {
    const world = socialorgWorld();
    const view = await world.registered({
      partyBuilding: { kind: 'branch', formedAt: '2024-07-01', partyMembers: 4 },
    });
    expect(await world.org.directory.get(view.orgId)).toEqual({
      orgId: view.orgId,
      name: '香岭社区长者服务中心',
      creditCode: CODES[0],
      centreId: CENTRE,
      streetId: 'sz/futian/xiangmihu',
      registration: 'registered',
      partyBuilding: { kind: 'branch', formedAt: '2024-07-01' },
    });
    expect(await world.org.directory.get('org-nobody')).toBeNull();
  });
});
