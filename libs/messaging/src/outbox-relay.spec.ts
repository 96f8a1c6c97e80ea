import { buildEvent } from '@psc/contracts';
import type { Connection } from 'mongoose';
import { describe, expect, it } from 'vitest';
import type { KafkaClient } from './kafka.client';
import { OutboxRelay } from './outbox-relay';

const relay = () => new OutboxRelay({} as never, {} as KafkaClient, {} as Connection);

describe('OutboxRelay.enqueueSerialized', () => {
  it('queues every readable entry once and skips what it cannot read, so one bad document blocks nothing', () => {
    const sut = relay();
    const event = buildEvent(
      'catalogue.item.drafted',
      'i1',
      { itemId: 'i1', code: 'A-1', name: '测试事项', theme: 'party' },
      'catalogue',
    );
    const good = JSON.stringify(event);
    sut.enqueueSerialized('items', [{ legacy: 'object' }, 'not json', '{"no":"id"}', good, good], true);
    expect(sut.pendingCount).toBe(1);
  });
});
