import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { maskPhone } from '@psc/util';
import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import { CLOCK, type Clock } from '@psc/server-kit';
import { DEV_SMS_MODEL, type DevSms } from './dev-sms.model';
import type { SmsProvider } from './sms-provider';

const LATEST = 20;

/** SMS_PROVIDER=log: nothing leaves the machine; messages land in `dev_sms` for GET /dev/sms. */
@Injectable()
export class LogSmsProvider implements SmsProvider {
  constructor(
    @InjectModel(DEV_SMS_MODEL) private readonly messages: Model<DevSms>,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async send(phone: string, text: string): Promise<void> {
    await this.messages.create({ _id: randomUUID(), to: maskPhone(phone), text, sentAt: this.clock() });
  }

  async latest(): Promise<DevSms[]> {
    return this.messages.find().sort({ sentAt: -1 }).limit(LATEST).lean<DevSms[]>();
  }
}
