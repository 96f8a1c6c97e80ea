import { buildEvent } from '@psc/contracts';
import { Effects } from '@psc/messaging';
import type { Model } from 'mongoose';
import { describe, expect, it } from 'vitest';
import type { IdentityConfig } from '../config';
import { RatingInvitationsConsumer } from './rating-invitations.consumer';
import { RATING_TEXT_PURPOSE } from './rating-text';

describe('RatingInvitationsConsumer', () => {
  const texts = { collection: { name: 'owed_texts' } } as unknown as Model<never>;
  const sut = new RatingInvitationsConsumer(
    texts as never,
    {
      PUBLIC_ORIGIN: 'https://psc.example.cn',
    } as IdentityConfig,
  );

  it('owes the resident one rating text per case, unclaimed and unsent', () => {
    const event = buildEvent(
      'affairs.case.rating-invited',
      '20261123-0042',
      {
        caseNo: '20261123-0042',
        centreId: 'sz/futian/xiangmihu/c-001',
        itemName: '最低生活保障申请',
        residentId: 'r-1',
        token: 'AbC-_0123456789abcdefg',
      },
      'affairs',
    );
    const effects = new Effects(event.id);
    sut.invite(event, effects);
    expect(effects.list).toHaveLength(1);
    const [owed] = effects.list;
    expect(owed).toMatchObject({
      collection: 'owed_texts',
      id: 'rating:20261123-0042',
      eventIds: [event.id],
    });
    expect(owed.update.$set).toMatchObject({
      residentId: 'r-1',
      purpose: RATING_TEXT_PURPOSE,
      createdAt: new Date(event.occurredAt),
      claimedAt: null,
      sentAt: null,
      dropped: null,
      pending: true,
    });
    expect((owed.update.$set as { text: string }).text).toContain(
      'https://psc.example.cn/kiosk/rate/20261123-0042?t=AbC-_0123456789abcdefg',
    );
  });
});
