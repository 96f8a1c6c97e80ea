import { buildEvent } from '@psc/contracts';
import { Effects } from '@psc/messaging';
import type { Model } from 'mongoose';
import { describe, expect, it } from 'vitest';
import type { OrgPlace } from './org-place.model';
import { OrgPlacesConsumer } from './org-places.consumer';

describe('OrgPlacesConsumer', () => {
  const sut = new OrgPlacesConsumer({ collection: { name: 'org_places' } } as unknown as Model<OrgPlace>);
  const place = { orgId: 'org-1', centreId: 'sz/futian/xiangmihu/c-001', streetId: 'sz/futian/xiangmihu' };

  it('keeps where a registered organisation belongs, under its id', () => {
    const event = buildEvent(
      'socialorg.organisation.registered',
      'org-1',
      {
        ...place,
        name: '香岭社区长者服务中心',
        registration: 'registered',
        creditCode: '52440304MJL0001250',
        type: 'service_agency',
        partyBuilding: { kind: 'none', formedAt: null, partyMembers: 0 },
        by: 'u-1',
        at: '2025-03-03T02:00:00.000Z',
      },
      'socialorg',
    );
    const effects = new Effects(event.id);
    sut.registered(event, effects);
    expect(effects.list).toEqual([
      {
        collection: 'org_places',
        id: 'org-1',
        update: {
          $set: { name: '香岭社区长者服务中心', centreId: place.centreId, streetId: place.streetId },
        },
        eventIds: [event.id],
      },
    ]);
  });

  it('follows a new name', () => {
    const event = buildEvent(
      'socialorg.organisation.profile-updated',
      'org-1',
      { ...place, name: '香岭长者服务中心', by: 'u-1', at: '2025-03-04T02:00:00.000Z' },
      'socialorg',
    );
    const effects = new Effects(event.id);
    sut.profileUpdated(event, effects);
    expect(effects.list[0].update).toEqual({
      $set: { name: '香岭长者服务中心', ...{ centreId: place.centreId, streetId: place.streetId } },
    });
  });
});
