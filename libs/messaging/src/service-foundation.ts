import type { DynamicModule } from '@nestjs/common';
import { PersistenceModule } from '@psc/persistence';
import { type BaseConfig, ServerKitModule } from '@psc/server-kit';
import { MessagingModule } from './messaging.module';

/** What every backend app imports first: logging/errors/health/metrics, its own database, and Kafka. */
export function serviceFoundation(
  service: string,
  config: BaseConfig,
  options: { consumerGroup?: string } = {},
): DynamicModule[] {
  return [
    ServerKitModule.forRoot({ service, config }),
    PersistenceModule.forRoot({ uri: config.MONGODB_URI, dbName: config.MONGODB_DB ?? service }),
    MessagingModule.forRoot({
      service,
      brokers: config.KAFKA_BROKERS,
      clientId: config.KAFKA_CLIENT_ID,
      namespace: config.KAFKA_NAMESPACE,
      consumerGroup: options.consumerGroup,
    }),
  ];
}
