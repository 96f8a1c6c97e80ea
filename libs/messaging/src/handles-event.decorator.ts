import { EventPattern } from '@nestjs/microservices';
import type { DomainEvent, EventType } from '@psc/contracts';

/** A handler of `T`: its first parameter (the `@Payload()`) takes that event; `@Ctx()` and the rest are its own. */
type HandlerOf<T extends EventType> = (event: DomainEvent<T>, ...rest: never[]) => unknown;

/**
 * `@EventPattern(type)` for a registered event type, with the same metadata, so the consumer group serves it alike.
 * A misspelt type, or a handler whose payload is another event's, fails the type check instead of the start-up check.
 */
export const HandlesEvent = <T extends EventType>(type: T) =>
  EventPattern(type) as <H extends HandlerOf<T>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<H>,
  ) => void;
