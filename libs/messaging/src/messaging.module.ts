import { type DynamicModule, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { EventConsumer } from './consumer';
import { KafkaHealthProbe } from './kafka-health.probe';
import { KafkaClient } from './kafka.client';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';
import { Outbox } from './outbox';
import { OutboxRelay } from './outbox-relay';

/**
 * Kafka for one app: the outbox and its relay for what it publishes, and — given a consumer group — the idempotent
 * consumer for the `@OnEvent` handlers among its providers. Needs the app's mongoose connection.
 */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        KafkaClient,
        KafkaHealthProbe,
        OutboxRelay,
        Outbox,
        ...(options.consumerGroup ? [EventConsumer] : []),
      ],
      exports: [Outbox, OutboxRelay, KafkaClient],
    };
  }
}
