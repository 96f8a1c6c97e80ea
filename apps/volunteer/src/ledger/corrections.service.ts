import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { assertScope, type Principal } from '@psc/auth';
import type { CorrectionAnswer, CorrectionRequest, CorrectionView } from '@psc/contracts/volunteer';
import { Outbox } from '@psc/messaging';
import { isDuplicateKey } from '@psc/persistence';
import { AppError, CLOCK, type Clock } from '@psc/server-kit';
import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import { CENTRE_ROLES, residentOf } from '../shared/access';
import { type Correction, CORRECTION_MODEL } from './correction.model';
import { LedgerService } from './ledger.service';

const view = (c: Correction): CorrectionView => ({
  requestId: c._id,
  entryId: c.entryId,
  volunteerId: c.volunteerId,
  centreId: c.centreId,
  minutesRecorded: c.minutesRecorded,
  minutesClaimed: c.minutesClaimed,
  reason: c.reason,
  state: c.state,
  reply: c.reply,
  answeredBy: c.answeredBy,
  requestedAt: c.requestedAt.toISOString(),
  answeredAt: c.answeredAt?.toISOString() ?? null,
});

/** 更正: a volunteer asks, the centre that recorded the hours answers; an accepted one reverses and re-credits. */
@Injectable()
export class CorrectionsService {
  constructor(
    @InjectModel(CORRECTION_MODEL) private readonly corrections: Model<Correction>,
    private readonly ledger: LedgerService,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async request(body: CorrectionRequest, principal: Principal): Promise<CorrectionView> {
    const volunteerId = residentOf(principal);
    const entry = await this.ledger.load(body.entryId);
    if (entry.volunteerId !== volunteerId) throw new AppError('AUTH.NOT_OWN_RECORD');
    if (entry.reverses) throw new AppError('VOLUNTEER.ENTRY_ALREADY_REVERSED', '冲正记录不能申请更正');
    const now = this.clock();
    const doc: Correction = {
      _id: randomUUID(),
      entryId: entry._id,
      volunteerId,
      centreId: entry.centreId,
      minutesRecorded: entry.minutes,
      minutesClaimed: body.minutesClaimed,
      reason: body.reason,
      state: 'pending',
      openKey: entry._id,
      reply: null,
      answeredBy: null,
      requestedAt: now,
      answeredAt: null,
    };
    try {
      await this.outbox.create(this.corrections, doc, [
        {
          type: 'volunteer.hours.correction-requested',
          data: {
            requestId: doc._id,
            entryId: entry._id,
            volunteerId,
            centreId: entry.centreId,
            minutesClaimed: body.minutesClaimed,
            at: now.toISOString(),
          },
        },
      ]);
    } catch (error) {
      if (isDuplicateKey(error)) throw new AppError('VOLUNTEER.CORRECTION_PENDING');
      throw error;
    }
    return view(doc);
  }

  /** The answer is recorded first (once), then an accepted correction is booked: reversal and the right minutes. */
  async answer(requestId: string, body: CorrectionAnswer, principal: Principal): Promise<CorrectionView> {
    const found = await this.corrections.findById(requestId).lean<Correction>();
    if (!found) throw new AppError('VOLUNTEER.CORRECTION_NOT_FOUND');
    assertScope(principal, found.centreId, CENTRE_ROLES);
    if (found.state !== 'pending') throw new AppError('VOLUNTEER.CORRECTION_ANSWERED');
    const entry = await this.ledger.load(found.entryId);
    const now = this.clock();
    if (body.accepted) {
      await this.ledger.correct(entry, {
        requestId,
        minutes: body.minutes,
        approvedBy: principal.sub,
        reason: `更正：${body.reply}`,
        at: now,
      });
    }
    const state = body.accepted ? 'accepted' : 'refused';
    const answered = await this.outbox.update(
      this.corrections,
      { _id: requestId, state: 'pending' },
      { $set: { state, reply: body.reply, answeredBy: principal.sub, answeredAt: now, openKey: requestId } },
      [
        {
          type: 'volunteer.hours.correction-answered',
          data: {
            requestId,
            entryId: entry._id,
            volunteerId: entry.volunteerId,
            accepted: body.accepted,
            minutes: body.accepted ? body.minutes : null,
            by: principal.sub,
            at: now.toISOString(),
          },
        },
      ],
    );
    if (!answered) throw new AppError('VOLUNTEER.CORRECTION_ANSWERED');
    return view(answered);
  }

  async mine(principal: Principal): Promise<CorrectionView[]> {
    const found = await this.corrections.find({ volunteerId: residentOf(principal) }).lean<Correction[]>();
    return found.map(view);
  }

  async ofCentre(centreId: string, principal: Principal): Promise<CorrectionView[]> {
    assertScope(principal, centreId, CENTRE_ROLES);
    return (await this.corrections.find({ centreId }).lean<Correction[]>()).map(view);
  }
}
