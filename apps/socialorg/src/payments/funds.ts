import type { Principal } from '@psc/auth';
import type { EventData } from '@psc/contracts';
import { type PaymentRequest, yuan } from '@psc/contracts/socialorg';
import { AppError } from '@psc/server-kit';
import type { Call } from '../calls/call.model';
import { awardOf, type CallChange, fundsReleased, illegalCallStep, ledgerOf } from '../calls/call-steps';
import { appended, close, commitment, paidTowards, pay, release } from './ledger';

/**
 * The call-side half of every agreement money step: decided from the call's ledger as stored, written on the call.
 * A step is written on the call first and on the agreement after; a step retried after a crash between the two
 * finds its money already moved (these return null) and completes the agreement's part.
 */

type ReleaseCause = EventData<'socialorg.call.funds-released'>['cause'];

/** What signing below the award gave back: the only partial release a call's ledger holds. */
export const belowAward = (call: Call, applicationId: string): number =>
  call.ledger
    .filter((e) => e.key === applicationId && e.kind === 'release')
    .reduce((sum, e) => sum + e.amountFen, 0);

/**
 * Binds an award to its agreement; an agreement below the award gives the difference back to the budget at once.
 * Refused for an award already under another agreement, cancelled, or for more than was awarded.
 */
export function bindAgreement(
  call: Call,
  applicationId: string,
  agreementId: string,
  contractedFen: number,
  by: Principal,
  now: Date,
): CallChange | null {
  if (call.state !== 'awarded')
    throw illegalCallStep(call, 'conclude', '只有已立项的申报指南才能签订项目协议');
  const award = awardOf(call, applicationId);
  const money = commitment(ledgerOf(call), applicationId);
  if (award.agreementId === agreementId) {
    // the same signing again: its money moved already, and for the amount it was signed at
    const signedAt = award.amountFen - belowAward(call, applicationId);
    if (signedAt !== contractedFen)
      throw new AppError(
        'SOCIALORG.AGREEMENT_ILLEGAL_STEP',
        `该项目已按 ${yuan(signedAt)} 签订协议，不能改为 ${yuan(contractedFen)}`,
      );
    return null;
  }
  if (award.agreementId)
    throw new AppError('SOCIALORG.AGREEMENT_ILLEGAL_STEP', '该项目已签订协议，不能重复签订');
  if (!money || money.closed)
    throw new AppError('SOCIALORG.AWARD_NOT_FOUND', `“${award.title}”已取消立项，不能签订协议`);
  if (contractedFen > award.amountFen)
    throw new AppError(
      'SOCIALORG.CONTRACT_EXCEEDS_AWARD',
      `协议金额 ${yuan(contractedFen)} 超过立项金额 ${yuan(award.amountFen)}`,
      { contractedFen, awardedFen: award.amountFen },
    );
  const bound = { ...award, agreementId };
  const stamp = { by: by.sub, at: now.toISOString() };
  const shortfall = award.amountFen - contractedFen;
  const written =
    shortfall > 0 ? [release(ledgerOf(call), applicationId, shortfall, 'contract_below_award', stamp)] : [];
  return {
    set: { awards: call.awards.map((a) => (a.applicationId === applicationId ? bound : a)) },
    ledger: written,
    history: [
      {
        action: 'contract',
        from: call.state,
        to: call.state,
        by: by.sub,
        at: stamp.at,
        reason: `${award.title}：签订协议 ${agreementId}`,
      },
    ],
    events: written.map((w) => fundsReleased(call, bound, w, 'contract_below_award')),
  };
}

/**
 * Pays (part of) one tranche: a new ledger entry, refused past the tranche's unpaid part and past the agreement's.
 */
export function payTranche(
  call: Call,
  applicationId: string,
  tranche: { tranche: number; amountFen: number },
  request: PaymentRequest,
  by: Principal,
  now: Date,
): CallChange {
  const award = awardOf(call, applicationId);
  const ledger = ledgerOf(call);
  const paidSoFar = paidTowards(ledger, applicationId, tranche.tranche);
  const left = tranche.amountFen - paidSoFar;
  if (request.amountFen > left)
    throw new AppError(
      'SOCIALORG.PAYMENT_EXCEEDS',
      `第 ${tranche.tranche} 笔款项为 ${yuan(tranche.amountFen)}，已拨付 ${yuan(paidSoFar)}，` +
        `本次拨付 ${yuan(request.amountFen)} 超出尚未拨付的 ${yuan(left)}`,
      { trancheFen: tranche.amountFen, paidFen: paidSoFar, leftFen: left },
    );
  const written = pay(ledger, applicationId, request.amountFen, {
    tranche: tranche.tranche,
    voucher: request.voucher,
    paidOn: request.paidOn,
    by: by.sub,
    at: now.toISOString(),
  });
  const after = commitment(appended(ledger, written), applicationId);
  return {
    ledger: [written],
    events: [
      {
        type: 'socialorg.call.tranche-paid',
        data: {
          agreementId: award.agreementId ?? '',
          callId: call._id,
          applicationId,
          orgId: award.orgId,
          streetId: award.streetId,
          kind: call.kind,
          ownerScope: call.ownerScope,
          tranche: tranche.tranche,
          amountFen: written.amountFen,
          voucher: request.voucher,
          paidOn: request.paidOn,
          paidFen: after?.paidFen ?? written.amountFen,
          unpaidFen: after?.openFen ?? 0,
          by: by.sub,
          at: written.at,
        },
      },
    ],
  };
}

/** Closes an agreement's money: what is unpaid goes back to the call. Null when a retry finds it closed already. */
export function closeFunds(
  call: Call,
  applicationId: string,
  cause: ReleaseCause,
  by: Principal,
  now: Date,
): CallChange | null {
  const award = awardOf(call, applicationId);
  if (commitment(ledgerOf(call), applicationId)?.closed) return null;
  const written = close(ledgerOf(call), applicationId, cause, { by: by.sub, at: now.toISOString() });
  return {
    ledger: [written],
    history: [
      {
        action: cause,
        from: call.state,
        to: call.state,
        by: by.sub,
        at: written.at,
        reason: `${award.title}：释放 ${yuan(written.amountFen)}`,
      },
    ],
    events: [fundsReleased(call, award, written, cause)],
  };
}
