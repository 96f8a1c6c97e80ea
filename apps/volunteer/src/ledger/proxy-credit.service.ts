import { Injectable, Logger } from '@nestjs/common';
import type { EventData } from '@psc/contracts';
import { shanghaiDay } from '@psc/util';
import { VolunteersService } from '../volunteers/volunteers.service';
import { LedgerService } from './ledger.service';

/** 代办: a case completed by a volunteer proxy credits the minutes the centre recorded for them (信用时长). */
@Injectable()
export class ProxyCreditService {
  private readonly logger = new Logger(ProxyCreditService.name);

  constructor(
    private readonly volunteers: VolunteersService,
    private readonly ledger: LedgerService,
  ) {}

  async credit(data: EventData<'affairs.case.proxy-completed'>): Promise<void> {
    const volunteer = await this.volunteers.find(data.volunteerId);
    if (!volunteer) {
      // the counter named someone who never registered: nothing to credit, but the centre should know
      this.logger.warn({ caseNo: data.caseNo }, 'proxy of a completed case is not a registered volunteer');
      return;
    }
    const at = new Date(data.completedAt);
    await this.ledger.post({
      _id: `proxy:${data.caseNo}`,
      volunteerId: volunteer._id,
      kind: 'credit',
      minutes: data.minutes,
      source: 'proxy',
      sourceRef: data.caseNo,
      activityId: null,
      activityTitle: `代办：${data.itemName}`,
      category: null,
      centreId: data.centreId,
      teamId: null,
      projectId: null,
      servedOn: shanghaiDay(at),
      approvedBy: data.completedBy,
      reason: null,
      reverses: null,
      at,
    });
  }
}
