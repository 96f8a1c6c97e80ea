import { describe, expect, it } from 'vitest';
import { buildEvent, EVENTS, parseEvent } from './registry';

const data = { itemId: 'i-1', code: 'MZ-001', name: '最低生活保障申请', theme: '民政救助' };

describe('event registry', () => {
  it('round-trips an event it built', () => {
    const event = buildEvent('catalogue.item.drafted', 'i-1', data, 'catalogue');
    expect(parseEvent(JSON.parse(JSON.stringify(event)))).toEqual({ ok: true, event });
  });

  it('refuses to build an event whose data breaks the schema', () => {
    expect(() => buildEvent('catalogue.item.drafted', 'i-1', { ...data, name: '' }, 'catalogue')).toThrow(
      /name/,
    );
  });

  it.each([
    ['missing id', (e: Record<string, unknown>) => ({ ...e, id: undefined }), /envelope invalid: id/],
    [
      'unknown type',
      (e: Record<string, unknown>) => ({ ...e, type: 'catalogue.item.vanished' }),
      /unknown event type/,
    ],
    ['future version', (e: Record<string, unknown>) => ({ ...e, version: 9 }), /version 9 unsupported/],
    ['bad data', (e: Record<string, unknown>) => ({ ...e, data: { itemId: 'x' } }), /data invalid: code/],
  ])('names why a message is rejected: %s', (_name, mutate, reason) => {
    const event = buildEvent('catalogue.item.drafted', 'i-1', data, 'catalogue') as unknown as Record<
      string,
      unknown
    >;
    const parsed = parseEvent(mutate(event));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toMatch(reason);
  });
});

describe('identity.pii.accessed', () => {
  const access = {
    auditId: 'a-1',
    subjectId: 'r-1',
    actorId: 'u-1',
    actorKind: 'staff' as const,
    actorRole: 'centre_admin',
    action: 'read' as const,
    fields: ['idNumber'],
    revealed: ['idNumber'],
    screen: 'counter' as const,
    purpose: '核对完整身份证号码',
    at: '2025-03-03T02:00:00.000Z',
  };

  it('travels on identity.pii.v1 and round-trips', () => {
    const event = buildEvent('identity.pii.accessed', 'r-1', access, 'identity');
    expect(EVENTS['identity.pii.accessed'].topic).toBe('identity.pii.v1');
    expect(parseEvent(JSON.parse(JSON.stringify(event)))).toEqual({ ok: true, event });
  });

  it('refuses an access without a purpose', () => {
    expect(() => buildEvent('identity.pii.accessed', 'r-1', { ...access, purpose: '' }, 'identity')).toThrow(
      /purpose/,
    );
  });
});
