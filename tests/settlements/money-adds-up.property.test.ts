// DESIGN §3 invariant 4, as a property: whatever sequence of payments, partial and full
// refunds and refunds that fail, a merchant's settlement equals its payments minus its refunds minus its fees to
// the cent, with every fee by the rule (half up) and no refund beyond what was paid.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { businessDate } from '@/lib/format/business-date';
import { computeSettlements } from '@/server/settlements/compute-settlements';
import { feeMerchant, payNow, refundNow } from '@/tests/helpers/ledger-facts';
import { useApp } from '@/tests/helpers/use-app';

const app = useApp();

/** The fee rule in exact integers: amount × ppm / 1,000,000, half up. */
const fee = (amount: number, ppm: number) => Number((BigInt(amount) * BigInt(ppm) + 500_000n) / 1_000_000n);

const step = fc.oneof(
  fc.record({ kind: fc.constant('pay' as const), amount: fc.integer({ min: 1, max: 5_000_000 }) }),
  fc.record({ kind: fc.constant('refund' as const), of: fc.nat(), share: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('fail' as const), of: fc.nat(), share: fc.double({ min: 0, max: 1, noNaN: true }) }),
);

describe('money adds up', () => {
  test('settlement = payments − refunds − fees, to the cent, over random sequences', async () => {
    const today = businessDate(new Date(), 'Asia/Shanghai');
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 20_000 }), fc.array(step, { minLength: 1, maxLength: 12 }), async (ppm, steps) => {
        const shop = await feeMerchant(app.db, ppm);
        const paid: { attempt: Awaited<ReturnType<typeof payNow>>; refunded: number }[] = [];
        const expected = { gross: 0, refunds: 0, fees: 0, payments: 0, refundCount: 0 };
        for (const s of steps) {
          if (s.kind === 'pay') {
            paid.push({ attempt: await payNow(app.db, shop.id, s.amount), refunded: 0 });
            expected.gross += s.amount;
            expected.fees += fee(s.amount, ppm);
            expected.payments++;
            continue;
          }
          if (paid.length === 0) continue;
          const target = paid[s.of % paid.length];
          const left = target.attempt.amount - target.refunded;
          // The share of what is left, at least one fen; the property's floats only choose an amount, never hold money.
          const amount = Math.max(1, Math.min(left, Math.round(left * s.share)));
          if (left === 0) {
            // Beyond what was paid: the database refuses the reserve, whatever asks for it.
            await assert.rejects(refundNow(app.db, target.attempt, 1), /refund_reserved_within_paid/);
            continue;
          }
          if (s.kind === 'fail') {
            // A refund the provider refused: reserved, then released; nothing booked.
            await app.db
              .$executeRaw`UPDATE payment_attempt SET refund_reserved = refund_reserved + ${amount} WHERE id = ${target.attempt.attemptId}::uuid`;
            await app.db
              .$executeRaw`UPDATE payment_attempt SET refund_reserved = refund_reserved - ${amount} WHERE id = ${target.attempt.attemptId}::uuid`;
            continue;
          }
          await refundNow(app.db, target.attempt, amount);
          const before = target.refunded;
          target.refunded += amount;
          expected.refunds += amount;
          expected.refundCount++;
          expected.fees -= fee(target.attempt.amount - before, ppm) - fee(target.attempt.amount - target.refunded, ppm);
        }
        const rows = await computeSettlements({ db: app.db, from: today, to: today, timeZone: 'Asia/Shanghai', merchantId: shop.id });
        if (expected.payments === 0) return assert.deepEqual(rows, []);
        assert.equal(rows.length, 1);
        const [row] = rows;
        assert.deepEqual([row.grossAmount, row.refundAmount, row.feeAmount, row.netAmount, row.paymentCount, row.refundCount].map(Number), [
          expected.gross,
          expected.refunds,
          expected.fees,
          expected.gross - expected.refunds - expected.fees,
          expected.payments,
          expected.refundCount,
        ]);
        for (const { attempt, refunded } of paid) {
          const stored = await app.db.paymentAttempt.findUniqueOrThrow({ where: { id: attempt.attemptId } });
          assert.ok(stored.refundedAmount === refunded && refunded <= stored.amount);
          // A fully refunded payment returns its whole fee.
          if (refunded === attempt.amount) {
            const returned = await app.db.ledgerEntry.aggregate({
              where: { attemptId: attempt.attemptId, kind: 'fee_return' },
              _sum: { amount: true },
            });
            assert.equal(returned._sum.amount ?? 0, fee(attempt.amount, ppm));
          }
        }
      }),
      { numRuns: 25 },
    );
  });
});
