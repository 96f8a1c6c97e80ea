import { AppError } from '@psc/server-kit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertReconciles } from '../../test/ledger-checks';
import { admin, member, projectsWorld } from '../../test/projects-world';
import { ledgerOf } from '../calls/call-steps';
import { commitment, paidTowards } from './ledger';

/**
 * The money invariants through the services, over random sequences of what administrators and organisations do to
 * three awards — sign, report and accept, evaluate, pay (some at once), cancel, terminate, settle: every refusal is
 * a 4xx with a message, and after every step the call reconciles to the 分.
 */

type Op =
  | { op: 'sign'; i: number; below: number }
  | { op: 'accept'; i: number; key: 'midterm' | 'final' }
  | { op: 'evaluate'; i: number; pass: boolean }
  | { op: 'pay'; i: number; tranche: number; share: number }
  | { op: 'payTwice'; i: number; tranche: number; share: number }
  | { op: 'cancel'; i: number }
  | { op: 'terminate'; i: number }
  | { op: 'complete'; i: number };

const index = fc.integer({ min: 0, max: 2 });
const share = fc.double({ min: 0.01, max: 1.3, noNaN: true });
const sign = (i: number) =>
  fc.record({
    op: fc.constant('sign' as const),
    i: fc.constant(i),
    below: fc.constantFrom(0, 0, 1, 1_234_567),
  });
const tranche = fc.integer({ min: 1, max: 3 });
const steps = fc.oneof(
  { arbitrary: index.chain(sign), weight: 1 },
  {
    arbitrary: fc.record({
      op: fc.constant('accept' as const),
      i: index,
      key: fc.constantFrom('midterm' as const, 'final' as const),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ op: fc.constant('evaluate' as const), i: index, pass: fc.boolean() }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('pay' as const), i: index, tranche, share }), weight: 5 },
  { arbitrary: fc.record({ op: fc.constant('payTwice' as const), i: index, tranche, share }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('cancel' as const), i: index }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('terminate' as const), i: index }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('complete' as const), i: index }), weight: 1 },
);
// each award is signed at the start four times in five, so the later steps have money to move; one left
// unsigned may be cancelled, or signed later
const ops = fc
  .tuple(
    fc.tuple(...[0, 1, 2].map((i) => fc.option(sign(i), { freq: 5 }))),
    fc.array(steps, { minLength: 1, maxLength: 25 }),
  )
  .map(([first, rest]): Op[] => [...first.filter((op) => op !== null), ...rest]);

const REQUESTS = { 'O-1': 30_000_001, 'O-2': 25_000_000, 'O-3': 9_999_999 };

describe('money through the services (property)', () => {
  it('reconciles every call to the 分 and never pays an agreement past what it contracted', async () => {
    // the sequences must reach payments and releases, or the property proves little
    const seen = { paid: 0, released: 0 };
    await fc.assert(
      fc.asyncProperty(ops, async (sequence) => {
        const world = projectsWorld();
        const { call, applications } = await world.awarded(REQUESTS, [0.9, 0.85, 0.8]);
        const ids = applications.map((a) => a.applicationId);
        const agreementOf = new Map<string, string>();
        const pay = (i: number, tranche: number, fraction: number, voucher: string) => {
          const agreementId = agreementOf.get(ids[i]) ?? 'G-none';
          const agreement = world.agreementDoc(agreementId);
          const amount = agreement?.tranches.find((t) => t.tranche === tranche)?.amountFen ?? 1_000_000;
          const amountFen = Math.max(1, Math.round(amount * fraction));
          return world.payments.pay(
            agreementId,
            { tranche, amountFen, voucher, paidOn: '2026-04-02' },
            admin,
          );
        };
        const run = async (op: Op): Promise<unknown> => {
          const applicationId = ids[op.i];
          const agreementId = agreementOf.get(applicationId) ?? 'G-none';
          switch (op.op) {
            case 'sign': {
              const contracted = Object.values(REQUESTS)[op.i] - op.below;
              const view = await world.signing.sign(world.agreementRequest(applicationId, contracted), admin);
              agreementOf.set(applicationId, view.agreementId);
              return view;
            }
            case 'accept':
              await world.milestones.report(
                agreementId,
                op.key,
                { summary: '节点工作已完成。', evidence: ['file_0001abcd'], kpis: [] },
                member(`O-${op.i + 1}`),
              );
              return world.milestones.decide(agreementId, op.key, { decision: 'accept', comment: '' }, admin);
            case 'evaluate':
              return world.agreementSteps.evaluate(
                agreementId,
                { grade: op.pass ? 'pass' : 'fail', score: op.pass ? 75 : 40, comment: '结项评估' },
                admin,
              );
            case 'pay':
              return pay(op.i, op.tranche, op.share, 'PZ');
            case 'payTwice':
              // two administrators paying at once: the ledger takes them one after the other
              return Promise.allSettled([
                pay(op.i, op.tranche, op.share / 2, 'PZ-a'),
                pay(op.i, op.tranche, op.share / 2, 'PZ-b'),
              ]).then((outcomes) =>
                outcomes.forEach((o) => o.status === 'rejected' && expectRefusal(o.reason)),
              );
            case 'cancel':
              return world.steps.cancelAward(call.callId, applicationId, '组织放弃', admin);
            case 'terminate':
              return world.agreementSteps.act(
                agreementId,
                { action: 'terminate', reason: '提前终止' },
                admin,
              );
            case 'complete':
              return world.agreementSteps.act(agreementId, { action: 'complete' }, admin);
          }
        };
        for (const op of sequence) {
          await run(op).catch(expectRefusal);
          const stored = world.callDoc(call.callId);
          const ledger = ledgerOf(stored);
          assertReconciles(ledger);
          const view = await world.callQueries.get(call.callId, admin);
          expect(view.money.awardedFen + view.money.remainingFen).toBe(view.money.budgetFen);
          for (const [applicationId, agreementId] of agreementOf) {
            const agreement = world.agreementDoc(agreementId)!;
            const money = commitment(ledger, applicationId)!;
            expect(money.paidFen).toBeLessThanOrEqual(agreement.contractedFen);
            for (const t of agreement.tranches)
              expect(paidTowards(ledger, applicationId, t.tranche)).toBeLessThanOrEqual(t.amountFen);
            if (agreement.state === 'completed' || agreement.state === 'terminated')
              expect(money.closed).toBe(true);
          }
        }
        const paidEvents = world.outbox
          .dataOf('socialorg.call.tranche-paid')
          .reduce((s, e) => s + e.amountFen, 0);
        expect(paidEvents).toBe((await world.callQueries.get(call.callId, admin)).money.paidFen);
        seen.paid += world.outbox.dataOf('socialorg.call.tranche-paid').length;
        seen.released += world.outbox.dataOf('socialorg.call.funds-released').length;
      }),
      { numRuns: 60 },
    );
    expect(seen.paid).toBeGreaterThan(30);
    expect(seen.released).toBeGreaterThan(30);
    // each run takes a call through review and award first: seconds, on a shared machine
  }, 120_000);
});

/** A refusal is a person's 4xx with a Chinese message, never anything else. */
function expectRefusal(error: unknown): void {
  expect(error).toBeInstanceOf(AppError);
  const refusal = error as AppError;
  expect(refusal.status, refusal.message).toBeGreaterThanOrEqual(400);
  expect(refusal.status, refusal.message).toBeLessThan(500);
  expect(refusal.message).toMatch(/[\u4e00-\u9fff]/);
}
