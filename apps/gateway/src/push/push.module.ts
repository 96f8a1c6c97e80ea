import { type DynamicModule, Module } from '@nestjs/common';
import { PushController } from './push.controller';
import { PUSH_OPTIONS, type PushOptions, PushService } from './push.service';

/** Live updates for screens: Kafka → in-memory replay buffer → server-sent events. */
@Module({})
export class PushModule {
  static register(options: PushOptions): DynamicModule {
    return {
      module: PushModule,
      controllers: [PushController],
      providers: [{ provide: PUSH_OPTIONS, useValue: options }, PushService],
    };
  }
}
