import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { CLOCK, type Clock, logFailure, repeat, type Repeating } from '@psc/server-kit';
import type { Model } from 'mongoose';
import { AuditService } from '../audit/audit.service';
import { ResidentRegistryService } from '../residents/resident-registry.service';
import { SmsProvider } from '../sms/sms-provider';
import { OWED_TEXT_MODEL, type OwedText } from './owed-text.model';

const POLL_MS = 1000;
const BATCH = 20;
/** a claim older than this belongs to a sender that died or failed: another may take the text over */
const CLAIM_MS = 60_000;
/** sent texts are kept this long (a redelivered event finds its text and asks for nothing), then deleted */
const KEEP_SENT_MS = 7 * 24 * 3600_000;
const PURGE_EVERY_MS = 3600_000;

const SENDER = { id: 'identity.texts', kind: 'system', role: 'system' } as const;

/**
 * Sends the texts residents are owed. Every replica polls; a text is claimed with a conditional write before it is
 * sent, so one replica sends it. A crash between the send and the mark sends it again after CLAIM_MS: a repeated
 * text rather than a lost one.
 */
@Injectable()
export class OwedTextsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OwedTextsService.name);
  private loop?: Repeating;
  private purgedAt = 0;

  constructor(
    @InjectModel(OWED_TEXT_MODEL) private readonly texts: Model<OwedText>,
    private readonly residents: ResidentRegistryService,
    private readonly audit: AuditService,
    private readonly sms: SmsProvider,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.loop = repeat(
      POLL_MS,
      () => this.sendDue(),
      (error) => logFailure(this.logger, error, 'sending owed texts failed; retrying'),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.loop?.stop();
  }

  /** Sends what is owed, oldest first. */
  async sendDue(): Promise<void> {
    const now = this.clock();
    await this.purge(now);
    // by the indexed flag alone, the rest sorted out here: null and ranges the store filters after reading everything
    const owed = await this.texts.find({ pending: true }).lean<OwedText[]>();
    const due = owed
      .filter((t) => t.claimedAt === null || t.claimedAt.getTime() < now.getTime() - CLAIM_MS)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .slice(0, BATCH);
    for (const text of due) {
      const claim = await this.texts.updateOne(
        { _id: text._id, claimedAt: text.claimedAt, sentAt: null },
        { $set: { claimedAt: now } },
      );
      if (claim.modifiedCount === 0) continue;
      try {
        await this.send(text);
      } catch (error) {
        // the claim stays: the text is tried again once it is old
        this.logger.warn({ err: error, text: text._id }, 'text not sent; will retry');
      }
    }
  }

  private async send(text: OwedText): Promise<void> {
    const resident = await this.residents.byId(text.residentId);
    if (!resident) {
      await this.texts.updateOne(
        { _id: text._id },
        { $set: { dropped: 'resident not registered', pending: false } },
      );
      return;
    }
    // the phone number is personal data read by the service itself: the resident's access log shows it and why
    await this.audit.record({
      subject: resident._id,
      actor: SENDER,
      screen: 'api',
      purpose: text.purpose,
      action: 'read',
      fields: ['phone'],
    });
    await this.sms.send(this.residents.phoneOf(resident), text.text);
    await this.texts.updateOne({ _id: text._id }, { $set: { sentAt: this.clock(), pending: false } });
  }

  /** Hourly, and it reads the whole collection: bounded by KEEP_SENT_MS of texts, which is all it ever holds. */
  private async purge(now: Date): Promise<void> {
    if (now.getTime() - this.purgedAt < PURGE_EVERY_MS) return;
    this.purgedAt = now.getTime();
    await this.texts.deleteMany({ sentAt: { $lt: new Date(now.getTime() - KEEP_SENT_MS) } });
  }
}
