import { fakeModel, manualClock } from '@psc/testing/unit';
import type { Model } from 'mongoose';
import { describe, expect, it, vi } from 'vitest';
import type { AuditService } from '../audit/audit.service';
import type { ResidentRegistryService } from '../residents/resident-registry.service';
import type { Resident } from '../residents/resident.model';
import type { SmsProvider } from '../sms/sms-provider';
import type { OwedText } from './owed-text.model';
import { OwedTextsService } from './owed-texts.service';

const owed = (id: string, createdAt: string, over: Partial<OwedText> = {}): OwedText => ({
  _id: id,
  residentId: 'r-1',
  purpose: '发送好差评邀请短信',
  text: `请评价 ${id}`,
  createdAt: new Date(createdAt),
  claimedAt: null,
  sentAt: null,
  dropped: null,
  pending: true,
  ...over,
});

function newService(texts: OwedText[]) {
  const clock = manualClock('2025-03-03T02:00:00Z');
  const store = fakeModel<OwedText>(texts);
  const reads: unknown[] = [];
  const find = store.find.bind(store);
  store.find = (filter = {}, projection?: unknown) => {
    reads.push(filter);
    return find(filter, projection);
  };
  const registry = {
    byId: async (id: string) => (id === 'r-1' ? ({ _id: 'r-1' } as Resident) : null),
    phoneOf: () => '13812345678',
  } as unknown as ResidentRegistryService;
  const audit = { record: vi.fn() } as unknown as AuditService;
  const sent: string[] = [];
  const sms = { send: async (_phone: string, text: string) => void sent.push(text) } as SmsProvider;
  const sut = new OwedTextsService(store as unknown as Model<OwedText>, registry, audit, sms, clock);
  return { sut, store, reads, sent, clock };
}

describe('OwedTextsService.sendDue', () => {
  it('sends what is owed oldest first, twenty a round, reading only the texts still owed', async () => {
    const texts = Array.from({ length: 25 }, (_, i) =>
      owed(`rating:${i}`, `2025-03-02T${String(i % 24).padStart(2, '0')}:${String(i).padStart(2, '0')}:00Z`),
    );
    const { sut, store, reads, sent } = newService([
      ...texts,
      owed('rating:old', '2025-03-01T00:00:00Z', {
        sentAt: new Date('2025-03-01T00:01:00Z'),
        pending: false,
      }),
    ]);
    await sut.sendDue();
    expect(sent).toHaveLength(20);
    expect(sent[0]).toBe('请评价 rating:0');
    await sut.sendDue();
    expect(sent).toHaveLength(25);
    expect([...store.docs.values()].filter((d) => d.pending)).toEqual([]);
    expect(reads).toEqual([{ pending: true }, { pending: true }]);
  });

  it('leaves a text another sender claimed a moment ago, and takes one whose claim is old', async () => {
    const { sut, sent, clock } = newService([
      owed('rating:fresh', '2025-03-02T00:00:00Z', { claimedAt: new Date('2025-03-03T01:59:30Z') }),
      owed('rating:stale', '2025-03-02T00:00:00Z', { claimedAt: new Date('2025-03-03T01:58:00Z') }),
    ]);
    await sut.sendDue();
    expect(sent).toEqual(['请评价 rating:stale']);
    clock.advance(60_000);
    await sut.sendDue();
    expect(sent).toEqual(['请评价 rating:stale', '请评价 rating:fresh']);
  });

  it('drops a text for someone not registered, and owes it no more', async () => {
    const { sut, store, sent } = newService([
      owed('rating:x', '2025-03-02T00:00:00Z', { residentId: 'r-9' }),
    ]);
    await sut.sendDue();
    expect(sent).toEqual([]);
    expect(store.docs.get('rating:x')).toMatchObject({ dropped: 'resident not registered', pending: false });
  });
});
