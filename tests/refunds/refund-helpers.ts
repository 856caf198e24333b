// Refunds driven from a test: a paid sandbox payment, the refund API, the sandbox provider's refund back office,
// and what the refund left behind in the database and the queue.
import assert from 'node:assert/strict';
import { GET as listRefundsRoute, POST as refundsRoute } from '@/app/api/payments/[id]/refunds/route';
import { POST as runRoute } from '@/app/api/lifecycle/run/route';
import type { Db } from '@/lib/db/prisma';
import { makeMerchant, makePayment } from '@/prisma/seed/factories';
import { refundSchema } from '@/contracts/refunds';
import { lifecycleRunSchema } from '@/contracts/lifecycle';
import { buildSandboxCallback } from '@/server/sandbox/build-sandbox-callback';
import { callRoute } from '@/tests/helpers/call-route';
import { jobsIn } from '@/tests/helpers/queue-jobs';
import { paySandboxAndNotify, postCallback } from '@/tests/helpers/sandbox-provider';

/** A merchant (or the one given) and one of its sandbox payments, paid through the sandbox's verified callback. */
export async function paidSandboxPayment(db: Db, options: { amount?: number; merchantId?: string } = {}) {
  const merchant = options.merchantId ? null : await makeMerchant(db);
  const merchantId = options.merchantId ?? merchant!.id;
  const payment = await makePayment(db, { merchantId, provider: 'sandbox', amount: options.amount ?? 10_000 });
  await paySandboxAndNotify(db, payment.id);
  return { merchantId, apiKey: merchant?.apiKey ?? null, paymentId: payment.id, attemptId: payment.attempts[0].id, payment };
}

export function requestRefund(paymentId: string, body: unknown, token?: string | null) {
  return callRoute(refundsRoute, { params: { id: paymentId }, body, token });
}

/** A refund the API made (201) or found again (200), parsed with the operation's response schema. */
export async function refundOk(paymentId: string, body: { refundNo: string; amount: number; reason?: string }, status = 201) {
  const answer = await requestRefund(paymentId, body);
  assert.equal(answer.status, status, answer.text);
  return refundSchema.parse(answer.json);
}

export async function listRefunds(paymentId: string, token?: string | null, query = '') {
  return callRoute(listRefundsRoute, {
    params: { id: paymentId },
    token,
    url: `http://localhost/api/payments/${paymentId}/refunds${query}`,
  });
}

/** The sandbox's back office ends a refund it took, as the order's refund fault says, and its signed notification arrives. */
export async function settleSandboxRefund(db: Db, providerRefundNo: string, fault?: 'none' | 'abnormal' | 'closed') {
  if (fault) {
    const refund = await db.sandboxRefund.findUniqueOrThrow({ where: { outRefundNo: providerRefundNo } });
    await db.sandboxOrder.update({ where: { outTradeNo: refund.outTradeNo }, data: { refundFault: fault } });
  }
  const signed = await buildSandboxCallback({ db, job: { kind: 'refund', outRefundNo: providerRefundNo } });
  if (!signed) throw new Error(`sandbox refund ${providerRefundNo} is held processing`);
  return postCallback(signed);
}

export async function runTask(task: 'confirm-refunds' | 'find-duplicates') {
  const answer = await callRoute(runRoute, { body: { task } });
  assert.equal(answer.status, 200, answer.text);
  return lifecycleRunSchema.parse(answer.json);
}

/** The money facts of an attempt as the database holds them: its reserve, its refunds, its ledger. */
export async function moneyOf(db: Db, attemptId: string) {
  const attempt = await db.paymentAttempt.findUniqueOrThrow({ where: { id: attemptId }, include: { payment: true } });
  const entries = await db.ledgerEntry.findMany({ where: { attemptId } });
  const sum = (kind: string) => entries.filter((entry) => entry.kind === kind).reduce((total, entry) => total + entry.amount, 0);
  return {
    paymentStatus: attempt.payment.status,
    paymentRefunded: attempt.payment.refundedAmount,
    reserved: attempt.refundReserved,
    refunded: attempt.refundedAmount,
    refundCount: attempt.refundCount,
    ledger: { payment: sum('payment'), fee: sum('fee'), refund: sum('refund'), feeReturn: sum('fee_return') },
  };
}

/** Jobs a refund left: its webhook deliveries (by event type) and its events on the refund topics. */
export async function refundEventsOf(db: Db, refundId: string) {
  const deliveries = await db.delivery.findMany({ where: { refundId } });
  const events = (await jobsIn(db, 'refund-events')).filter((job) => job.data.data?.refundId === refundId);
  return { deliveries, events: events.map((job) => job.data) };
}
