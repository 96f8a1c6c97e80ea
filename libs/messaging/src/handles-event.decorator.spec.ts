import { EventPattern } from '@nestjs/microservices';
import { PATTERN_HANDLER_METADATA, PATTERN_METADATA } from '@nestjs/microservices/constants';
import { PatternHandler } from '@nestjs/microservices/enums/pattern-handler.enum';
import type { DomainEvent } from '@psc/contracts';
import { describe, expect, it } from 'vitest';
import type { Effects } from './effects';
import { HandlesEvent } from './handles-event.decorator';

class Typed {
  @HandlesEvent('affairs.case.transitioned')
  apply(event: DomainEvent<'affairs.case.transitioned'>, _effects: Effects): string {
    return event.id;
  }
}

class Plain {
  @EventPattern('affairs.case.transitioned')
  apply(event: DomainEvent<'affairs.case.transitioned'>, _effects: Effects): string {
    return event.id;
  }
}

const metadataOf = (handler: object) =>
  Object.fromEntries(
    Reflect.getMetadataKeys(handler).map((key: unknown) => [String(key), Reflect.getMetadata(key, handler)]),
  );

describe('@HandlesEvent', () => {
  it('leaves on the handler exactly what @EventPattern leaves, so Nest and the consumer group serve it alike', () => {
    const handler = Typed.prototype.apply;
    expect(Reflect.getMetadata(PATTERN_METADATA, handler)).toEqual(['affairs.case.transitioned']);
    expect(Reflect.getMetadata(PATTERN_HANDLER_METADATA, handler)).toBe(PatternHandler.EVENT);
    expect(metadataOf(handler)).toEqual(metadataOf(Plain.prototype.apply));
  });

  it('takes only registered event types, for a handler of that event (checked by typecheck)', () => {
    class Mistaken {
      // @ts-expect-error a misspelt event type is not an EventType
      @HandlesEvent('affairs.case.transitoned')
      misspelt(): string {
        return 'never served';
      }

      // @ts-expect-error the handler takes another event than the one it is declared for
      @HandlesEvent('catalogue.item.published')
      other(event: DomainEvent<'affairs.case.transitioned'>): string {
        return event.data.to;
      }
    }
    expect(Reflect.getMetadata(PATTERN_METADATA, Mistaken.prototype.other)).toEqual([
      'catalogue.item.published',
    ]);
  });
});
