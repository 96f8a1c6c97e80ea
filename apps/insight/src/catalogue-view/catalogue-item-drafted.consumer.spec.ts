import { buildEvent } from '@psc/contracts';
import { Effects } from '@psc/messaging';
import type { Model } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { CatalogueItemDraftedConsumer } from './catalogue-item-drafted.consumer';

const model = (name: string) => ({ collection: { name } }) as unknown as Model<never>;

describe('CatalogueItemDraftedConsumer', () => {
  it('states the item view and the theme counter as effects of the event', () => {
    const sut = new CatalogueItemDraftedConsumer(model('themes') as never, model('items') as never);
    const event = buildEvent(
      'catalogue.item.drafted',
      'i-1',
      { itemId: 'i-1', code: 'YL-001', name: '高龄津贴申领', theme: '养老服务' },
      'catalogue',
    );
    const effects = new Effects(event.id);
    sut.apply(event, effects);
    const at = new Date(event.occurredAt);
    expect(effects.list).toEqual([
      {
        collection: 'items',
        id: 'i-1',
        eventIds: [event.id],
        update: { $set: { code: 'YL-001', name: '高龄津贴申领', theme: '养老服务', draftedAt: at } },
      },
      {
        collection: 'themes',
        id: '养老服务',
        eventIds: [event.id],
        update: { $inc: { drafted: 1 }, $set: { updatedAt: at } },
      },
    ]);
  });
});
