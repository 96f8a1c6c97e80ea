import { describe, expect, it } from 'vitest';
import { DevSmsController } from './dev-sms.controller';
import { SmsModule } from './sms.module';

describe('SmsModule', () => {
  it('serves GET /dev/sms only outside production with the log provider', () => {
    expect(SmsModule.register({ NODE_ENV: 'development', SMS_PROVIDER: 'log' }).controllers).toEqual([
      DevSmsController,
    ]);
    expect(SmsModule.register({ NODE_ENV: 'production', SMS_PROVIDER: 'log' }).controllers).toEqual([]);
  });
});
