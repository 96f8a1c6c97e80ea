import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Outbox } from '@psc/messaging';
import { APP_CONFIG, CLOCK, type Clock, logFailure, repeat, type Repeating } from '@psc/server-kit';
import type { Model } from 'mongoose';
import type { AffairsConfig } from '../config';
import { type Case, CASE_MODEL } from './case.model';
import { promiseOverdue, rectificationOverdue, slaAlertDue } from './sla-alerts';

/**
 * Raises the SLA warnings and overdue alerts, and flags late answers to 差评 and broken 容缺 promises. Every replica
 * sweeps; each alert is a conditional write on what was last raised, so it goes out once. Alerts do not bump the
 * case revision: they must not make a member of staff's next step look stale.
 */
@Injectable()
export class SlaWatchService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SlaWatchService.name);
  private loop?: Repeating;

  constructor(
    @InjectModel(CASE_MODEL) private readonly cases: Model<Case>,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AffairsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = repeat(
      this.config.SLA_SWEEP_SECONDS * 1000,
      () => this.sweep(),
      (error) => logFailure(this.logger, error, 'SLA sweep failed; next sweep retries'),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.loop?.stop();
  }

  async sweep(): Promise<void> {
    const now = this.clock();
    // the live cases, by their indexed flag: an `$in` on the state would read every case the city ever had
    const running = await this.cases.find({ live: true }).lean<Case[]>();
    for (const found of running) {
      const level = slaAlertDue(found, now);
      if (level && found.due)
        await this.outbox.update(
          this.cases,
          { _id: found._id, slaAlerted: found.slaAlerted },
          { $set: { slaAlerted: level } },
          [
            {
              type: 'affairs.case.sla-alerted',
              data: {
                caseNo: found._id,
                centreId: found.centreId,
                itemCode: found.item.code,
                level,
                due: found.due,
                assignee: found.assignee?.name ?? null,
              },
            },
          ],
        );
      if (found.rectification && rectificationOverdue(found, now))
        await this.outbox.update(
          this.cases,
          { _id: found._id, 'rectification.answer': null, 'rectification.flagged': { $ne: true } },
          { $set: { 'rectification.flagged': true } },
          [
            {
              type: 'affairs.case.rectification-overdue',
              data: {
                caseNo: found._id,
                centreId: found.centreId,
                itemCode: found.item.code,
                due: found.rectification.due,
              },
            },
          ],
        );
      if (promiseOverdue(found, now) && found.deferred.due)
        await this.outbox.update(
          this.cases,
          { _id: found._id, 'deferred.supplied': false, 'deferred.flagged': { $ne: true } },
          { $set: { 'deferred.flagged': true } },
          [
            {
              type: 'affairs.case.promise-overdue',
              data: {
                caseNo: found._id,
                centreId: found.centreId,
                itemCode: found.item.code,
                due: found.deferred.due,
                materials: found.deferred.names,
                assignee: found.assignee?.name ?? null,
              },
            },
          ],
        );
    }
  }
}
