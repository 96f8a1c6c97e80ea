import { buildEvent } from '@psc/contracts';
import { itemContentSchema } from '@psc/contracts/catalogue';
import { Effects } from '@psc/messaging';
import type { Model } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { CatalogueItemPublishedConsumer } from './catalogue-item-published.consumer';

const content = itemContentSchema.parse({
  code: 'MZ-001',
  name: '最低生活保障申请',
  theme: 'civil-assistance',
  summary: '为家庭人均收入低于当地低保标准的居民提供基本生活保障。',
  department: '区民政局',
  legalBasis: ['《社会救助暂行办法》第九条'],
  conditions: ['本市户籍且家庭人均收入低于低保标准'],
  materials: [{ name: '居民身份证', form: 'original_and_copy', copies: 1, deferrable: false }],
  legalDays: 30,
  promisedDays: 15,
  delivery: ['window'],
});

describe('CatalogueItemPublishedConsumer', () => {
  it('stores each published version under its own id, so an older version is never overwritten', () => {
    const copies = { collection: { name: 'item_versions' } } as unknown as Model<never>;
    const sut = new CatalogueItemPublishedConsumer(copies as never);
    const event = buildEvent(
      'catalogue.item.published',
      'MZ-001',
      { code: 'MZ-001', version: 2, publishedAt: '2026-11-23T08:00:00.000Z', content },
      'catalogue',
    );
    const effects = new Effects(event.id);
    sut.store(event, effects);
    expect(effects.list).toEqual([
      {
        collection: 'item_versions',
        id: 'MZ-001@2',
        eventIds: [event.id],
        update: {
          $set: { code: 'MZ-001', version: 2, content, publishedAt: new Date('2026-11-23T08:00:00.000Z') },
        },
      },
    ]);
  });
});
