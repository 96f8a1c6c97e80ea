import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HealthRegistry, type HealthProbe } from '@psc/server-kit';
import { KafkaClient } from './kafka.client';

@Injectable()
export class KafkaHealthProbe implements HealthProbe, OnModuleInit {
  readonly name = 'kafka';

  constructor(
    private readonly client: KafkaClient,
    private readonly registry: HealthRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async probe(): Promise<Record<string, unknown>> {
    const admin = await this.client.getAdmin();
    const cluster = await admin.describeCluster();
    return { brokers: cluster.brokers.length, controller: cluster.controller };
  }
}
