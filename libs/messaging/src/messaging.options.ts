export interface MessagingOptions {
  /** the producing service's name, written as `producer` in every envelope */
  service: string;
  brokers: string[];
  clientId?: string;
  /**
   * consumer group `<service>.<purpose>`, used as the Kafka group id as it is (behind the namespace): the transport
   * is ours, so Nest's `-server` postfix never applies; without it the app only publishes
   */
  consumerGroup?: string;
  /** prefixed to every topic and group name, so that several environments (or test runs) share one cluster */
  namespace?: string;
  partitions?: number;
  relay?: { batchSize?: number; sweepIntervalMs?: number; staleAfterMs?: number };
  consumer?: { maxAttempts?: number; backoffMs?: number };
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
