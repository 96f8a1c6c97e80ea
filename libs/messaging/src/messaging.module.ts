import { type DynamicModule, Module } from '@nestjs/common';
import { TRANSPORT_STRATEGIES } from '@psc/server-kit';
import { ConsumerGroupServer } from './consumer-group.server';
import { KafkaHealthProbe } from './kafka-health.probe';
import { KafkaClient } from './kafka.client';
import { MESSAGING_OPTIONS, type MessagingOptions } from './messaging.options';
import { Outbox } from './outbox';
import { OutboxRelay } from './outbox-relay';

/**
 * Kafka for one app: the outbox and its relay for what it publishes, and — given a consumer group — the idempotent
 * consumer group as a Nest transport, serving the `@EventPattern` handlers of its controllers (bootstrap connects
 * it). Needs the app's mongoose connection.
 */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        KafkaClient,
        KafkaHealthProbe,
        OutboxRelay,
        Outbox,
        ...(options.consumerGroup
          ? [
              ConsumerGroupServer,
              {
                provide: TRANSPORT_STRATEGIES,
                useFactory: (s: ConsumerGroupServer) => [s],
                inject: [ConsumerGroupServer],
              },
            ]
          : []),
      ],
      exports: [Outbox, OutboxRelay, KafkaClient],
    };
  }
}
