// The sandbox provider driven from a test: the shopper pays, and the callback the sandbox would send is posted
// straight to the callback route (no worker needed), or kept back to play a lost one.
import { POST as callbackRoute } from '@/app/api/callbacks/[provider]/route';
import { POST as payRoute } from '@/app/api/sandbox/payments/[id]/pay/route';
import { POST as faultsRoute } from '@/app/api/sandbox/payments/[id]/faults/route';
import type { Db } from '@/lib/db/prisma';
import { buildSandboxCallback } from '@/server/sandbox/build-sandbox-callback';
import { callRoute } from './call-route';

export function postCallback(signed: { rawBody: string; headers: Record<string, string> }, provider = 'sandbox') {
  return callRoute(callbackRoute, { token: null, method: 'POST', rawBody: signed.rawBody, headers: signed.headers, params: { provider } });
}

/** The shopper pays an attempt at the sandbox; its callbacks are queued, not sent (no worker runs them here). */
export async function paySandbox(paymentId: string, body: Record<string, unknown> = {}) {
  const paid = await callRoute(payRoute, { params: { id: paymentId }, body });
  if (paid.status !== 202) throw new Error(`sandbox pay refused: ${paid.text}`);
  return paid.json as { providerTradeNo: string; transactionId: string };
}

/** The "paid" callback the sandbox sends for an attempt it has been paid for, signed with the sandbox's keys. */
export async function sandboxPaidCallback(db: Db, providerTradeNo: string) {
  const signed = await buildSandboxCallback({ db, job: { kind: 'payment', outTradeNo: providerTradeNo } });
  if (!signed) throw new Error(`no callback for ${providerTradeNo}`);
  return signed;
}

/** The shopper pays and the sandbox's callback arrives. */
export async function paySandboxAndNotify(db: Db, paymentId: string, body: Record<string, unknown> = {}) {
  const { providerTradeNo } = await paySandbox(paymentId, { fault: 'lost', ...body });
  const answer = await postCallback(await sandboxPaidCallback(db, providerTradeNo));
  if (answer.status !== 200) throw new Error(`callback refused: ${answer.text}`);
  return providerTradeNo;
}

export async function setSandboxFaults(paymentId: string, faults: Record<string, string>) {
  const set = await callRoute(faultsRoute, { params: { id: paymentId }, body: faults });
  if (set.status !== 200) throw new Error(`faults refused: ${set.text}`);
  return set.json;
}
