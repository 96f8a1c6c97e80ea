import type { DynamicModule } from '@nestjs/common';
import { AuthModule } from '@psc/auth';
import type { JSONWebKeySet } from 'jose';
import { PersistenceModule } from '@psc/persistence';
import { type BaseConfig, ServerKitModule } from '@psc/server-kit';
import { MessagingModule } from './messaging.module';

/**
 * What every backend app imports first: logging/errors/health/metrics, token checks on every route (each service
 * verifies tokens itself), its own database, and Kafka.
 */
export function serviceFoundation(
  service: string,
  config: BaseConfig & { AUTH_PUBLIC_KEYS: JSONWebKeySet },
  options: { consumerGroup?: string } = {},
): DynamicModule[] {
  return [
    ServerKitModule.forRoot({ service, config }),
    AuthModule.forRoot({ publicKeys: config.AUTH_PUBLIC_KEYS }),
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
