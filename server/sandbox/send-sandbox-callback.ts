import type { z } from 'zod';
import type { Db } from '@/lib/db/prisma';
import type { sandboxCallbackJobSchema } from '@/contracts/jobs';
import { buildSandboxCallback } from './build-sandbox-callback';

type SendSandboxCallback = { db: Db; callbackUrl: string; job: z.output<typeof sandboxCallbackJobSchema> };

/**
 * The sandbox provider notifies the gateway, signed and encrypted exactly like WeChat Pay v3: an order paid, or a
 * refund that reached its final state. Anything but a 2xx throws, so the queue retries it as a real provider would.
 */
export async function sendSandboxCallback({ db, callbackUrl, job }: SendSandboxCallback) {
  const callback = await buildSandboxCallback({ db, job });
  if (!callback) return { sent: false };
  const { rawBody, headers } = callback;
  const response = await fetch(callbackUrl, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: rawBody,
    signal: AbortSignal.timeout(5_000),
  });
  if (!response.ok) throw new Error(`gateway answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  return { sent: true };
}
