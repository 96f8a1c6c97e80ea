import { AppError } from '@psc/server-kit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CENTRE, OTHER_CENTRE, volunteerWorld } from '../../test/volunteer-world';
import { sumEntries } from './ledger';
import type { LedgerEntry } from './ledger-entry.model';

const VOLUNTEERS = ['r-1', 'r-2', 'r-3'];

const entry = (
  n: number,
  volunteerId: string,
  minutes: number,
  servedOn: string,
  centreId: string,
): LedgerEntry => ({
  _id: `att:a-${n}:${volunteerId}`,
  volunteerId,
  kind: n % 4 === 0 ? 'honour' : 'credit',
  minutes,
  source: n % 4 === 0 ? 'honour' : 'attendance',
  sourceRef: `a-${n}`,
  activityId: `a-${n}`,
  activityTitle: null,
  category: 'service',
  centreId,
  teamId: n % 2 === 0 ? 't-1' : null,
  projectId: null,
  servedOn,
  approvedBy: 'u-admin',
  reason: null,
  reverses: null,
  at: new Date('2026-03-03T01:00:00Z'),
});

// entry numbers from a small pool, so the same credit is often posted again (a replayed command or event)
const credit = fc.record({
  op: fc.constant('credit' as const),
  n: fc.integer({ min: 1, max: 12 }),
  volunteer: fc.constantFrom(...VOLUNTEERS),
  minutes: fc.integer({ min: 15, max: 600 }),
  servedOn: fc.constantFrom('2025-12-31', '2026-01-15', '2026-03-03'),
  centre: fc.constantFrom(CENTRE, OTHER_CENTRE),
});
const reverse = fc.record({ op: fc.constant('reverse' as const), pick: fc.nat() });
const correct = fc.record({
  op: fc.constant('correct' as const),
  pick: fc.nat(),
  minutes: fc.integer({ min: 0, max: 600 }),
});
const settle = fc.record({ op: fc.constant('settle' as const), replay: fc.boolean() });

const refusedAsExpected = (error: unknown) =>
  error instanceof AppError &&
  ['VOLUNTEER.ENTRY_ALREADY_REVERSED', 'VOLUNTEER.ENTRY_NOT_POSTED'].includes(error.code);

// a hundred generated histories each replayed through the ledger: seconds on a loaded machine
describe(
  'the hours ledger, for any sequence of credits, reversals, corrections and replays',
  { timeout: 60_000 },
  () => {
    it('keeps every balance equal to the sum of its entries, never below zero, and never credits a key twice', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.oneof(credit, reverse, correct, settle), { maxLength: 40 }),
          async (ops) => {
            const w = volunteerWorld();
            let requests = 0;
            const entries = () => [...w.m.entries.docs.values()] as unknown as LedgerEntry[];
            const balancesNonNegative = () => {
              for (const b of w.m.balances.docs.values()) {
                expect(b.creditMinutes ?? 0).toBeGreaterThanOrEqual(0);
                expect(b.honourMinutes ?? 0).toBeGreaterThanOrEqual(0);
                expect(b.entries ?? 0).toBeGreaterThanOrEqual(0);
              }
            };
            for (const op of ops) {
              try {
                if (op.op === 'credit') {
                  await w.ledger.post(entry(op.n, op.volunteer, op.minutes, op.servedOn, op.centre));
                } else if (op.op === 'settle') {
                  await w.settle(op.replay);
                } else {
                  const all = entries();
                  if (all.length === 0) continue;
                  const target = all[op.pick % all.length];
                  if (op.op === 'reverse') await w.ledger.reverse(target, 'u-admin', '冲正', w.clock());
                  else
                    await w.ledger.correct(target, {
                      requestId: `c-${(requests += 1)}`,
                      minutes: op.minutes,
                      approvedBy: 'u-admin',
                      reason: '更正',
                      at: w.clock(),
                    });
                }
              } catch (error) {
                if (!refusedAsExpected(error)) throw error;
              }
              balancesNonNegative();
            }
            await w.settle();
            await w.settle(true);
            const counters = new Map(
              [...w.m.balances.docs.values()].map((b) => [
                b._id,
                {
                  creditMinutes: b.creditMinutes ?? 0,
                  honourMinutes: b.honourMinutes ?? 0,
                  entries: b.entries ?? 0,
                },
              ]),
            );
            expect(counters).toEqual(sumEntries(entries()));
            balancesNonNegative();
            // each credited key was written once, and an entry is reversed at most once
            const reversals = entries().filter((e) => e.reverses);
            expect(new Set(reversals.map((e) => e.reverses)).size).toBe(reversals.length);
            const credited = w.outbox.dataOf('volunteer.hours.credited').map((e) => e.entryId);
            expect(new Set(credited).size).toBe(credited.length);
          },
        ),
        { numRuns: 60 },
      );
    });
  },
);
