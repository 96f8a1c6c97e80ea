import { expectAppError } from '@psc/testing/unit';
import { describe, expect, it } from 'vitest';
import {
  centreAdmin,
  memberOf,
  otherAdmin,
  socialorgWorld,
  STREET,
  streetAdmin,
} from '../../test/socialorg-world';

describe('IncubationQueriesService', () => {
  it("shows the base's board with waiting applications first and how long they have waited", async () => {
    const world = socialorgWorld();
    const admitted = await world.admitted();
    world.clock.advance(2 * 86_400_000);
    const waiting = await world.applied();
    world.clock.advance(3 * 86_400_000);
    const board = await world.incubation.queries.board(STREET, streetAdmin);
    expect(board.map((b) => [b.incubationId, b.state, b.waitingDays])).toEqual([
      [waiting.view.incubationId, 'applied', 3],
      [admitted.view.incubationId, 'incubating', null],
    ]);
    await expectAppError(world.incubation.queries.board(STREET, otherAdmin), 'AUTH.OUT_OF_SCOPE');
  });

  it("shows an organisation its own applications and refuses it another's (403)", async () => {
    const world = socialorgWorld();
    const mine = await world.applied();
    expect((await world.incubation.queries.mine(mine.member)).map((v) => v.incubationId)).toEqual([
      mine.view.incubationId,
    ]);
    const refused = await expectAppError(
      world.incubation.queries.get(mine.view.incubationId, memberOf('org-other')),
      'AUTH.OUT_OF_SCOPE',
    );
    expect(refused.status).toBe(403);
    // nor does the organisation's own community centre see a stay at the street's base
    await expectAppError(
      world.incubation.queries.get(mine.view.incubationId, centreAdmin),
      'AUTH.OUT_OF_SCOPE',
    );
  });
});
