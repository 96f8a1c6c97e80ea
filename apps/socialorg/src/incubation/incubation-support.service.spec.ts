import { expectAppError } from '@psc/testing/unit';
import { describe, expect, it } from 'vitest';
import { socialorgWorld, streetAdmin } from '../../test/socialorg-world';

const mentor = { name: '王建国', affiliation: '深圳市社会工作者协会', expertise: '民非登记与内部治理' };
const training = { title: '社会组织财务管理', on: '2025-03-12', hours: 2.5, provider: '区社会组织服务中心' };

describe('IncubationSupportService', () => {
  it('assigns a mentor and records training sessions during the period, each on the record', async () => {
    const world = socialorgWorld();
    const { view: admitted } = await world.admitted();
    let view = await world.incubation.support.assignMentor(
      admitted.incubationId,
      { revision: admitted.revision, ...mentor },
      streetAdmin,
    );
    view = await world.incubation.support.recordTraining(
      view.incubationId,
      { revision: view.revision, ...training },
      streetAdmin,
    );
    expect(view.mentor).toMatchObject(mentor);
    expect(view.trainings).toEqual([expect.objectContaining(training)]);
    expect(view.history.slice(-2).map((h) => [h.action, h.from, h.to, h.reason])).toEqual([
      ['assign_mentor', 'incubating', 'incubating', '王建国（深圳市社会工作者协会）：民非登记与内部治理'],
      [
        'record_training',
        'incubating',
        'incubating',
        '2025-03-12 社会组织财务管理（2.5 学时，区社会组织服务中心）',
      ],
    ]);
    expect(world.outbox.types.slice(-2)).toEqual([
      'socialorg.incubation.mentor-assigned',
      'socialorg.incubation.training-recorded',
    ]);
  });

  it('gives no service before admission or after the stay ended (409)', async () => {
    const world = socialorgWorld();
    const { view } = await world.applied();
    const error = await expectAppError(
      world.incubation.support.assignMentor(view.incubationId, { revision: 1, ...mentor }, streetAdmin),
      'SOCIALORG.INCUBATION_ILLEGAL_STEP',
    );
    expect(error.message).toBe('入驻申请当前为“待审核”，孵化期内才能指派导师');
  });

  it("leaves the services to the base: the organisation's staff cannot record its own training", async () => {
    const world = socialorgWorld();
    const { view, member } = await world.admitted();
    await expectAppError(
      world.incubation.support.recordTraining(
        view.incubationId,
        { revision: view.revision, ...training },
        member,
      ),
      'AUTH.OUT_OF_SCOPE',
    );
  });
});
