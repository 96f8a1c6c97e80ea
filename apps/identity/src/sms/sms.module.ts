import { type DynamicModule, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import type { IdentityConfig } from '../config';
import { DevSmsController } from './dev-sms.controller';
import { DEV_SMS_MODEL, devSmsSchema } from './dev-sms.model';
import { LogSmsProvider } from './log-sms.provider';
import { SmsProvider } from './sms-provider';

@Module({})
export class SmsModule {
  static register(config: Pick<IdentityConfig, 'NODE_ENV' | 'SMS_PROVIDER'>): DynamicModule {
    const devOutbox = config.NODE_ENV !== 'production' && config.SMS_PROVIDER === 'log';
    return {
      module: SmsModule,
      // registered once in AppModule with the config; features then inject SmsProvider
      global: true,
      imports: [MongooseModule.forFeature([{ name: DEV_SMS_MODEL, schema: devSmsSchema }])],
      controllers: devOutbox ? [DevSmsController] : [],
      // 'log' is the only provider so far; a real gateway becomes another case of SMS_PROVIDER here
      providers: [LogSmsProvider, { provide: SmsProvider, useExisting: LogSmsProvider }],
      exports: [SmsProvider],
    };
  }
}
