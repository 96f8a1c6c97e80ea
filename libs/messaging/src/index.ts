export type { ConsumeOutcome } from './consumer-group.server';
export { Effects } from './effects';
export { KafkaClient } from './kafka.client';
export * from './messaging.module';
export type { MessagingOptions } from './messaging.options';
export { Outbox, outboxPlugin, type OutboxFields, type PendingEvent } from './outbox';
export { OutboxRelay } from './outbox-relay';
export { serviceFoundation } from './service-foundation';
export { EventFeed } from './event-feed';
