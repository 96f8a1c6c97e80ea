import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '@psc/auth';
import { devSmsMessage } from '@psc/contracts/identity';
import { ApiZodResponse } from '@psc/server-kit';
import { z } from 'zod';
import { LogSmsProvider } from './log-sms.provider';

/** Registered only outside production with SMS_PROVIDER=log (see SmsModule), so elsewhere the route is a 404. */
@ApiTags('dev')
@Controller('dev/sms')
export class DevSmsController {
  constructor(private readonly sms: LogSmsProvider) {}

  @Get()
  @Roles('counter_staff', 'centre_admin', 'city_admin')
  @ApiZodResponse(z.array(devSmsMessage))
  async latest() {
    const messages = await this.sms.latest();
    return messages.map(({ _id, to, text, sentAt }) => ({ id: _id, to, text, sentAt }));
  }
}
