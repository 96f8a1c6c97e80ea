import type { EventData, EventType } from '@psc/contracts';

/** An event a step raises, before the outbox builds its envelope (the pure steps cannot import messaging). */
export type Raised = { [T in EventType]: { type: T; data: EventData<T> } }[EventType];
