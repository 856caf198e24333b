// POST /api/sandbox/payments/{id}/pay: the sandbox shopper pays; the sandbox provider sends its callback.
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { sandboxOnly } from '@/server/sandbox/sandbox-only';
import { paySandboxOrderOperation } from '@/contracts/sandbox';
import { paySandboxOrder } from '@/server/sandbox/pay-sandbox-order';

export const POST = sandboxOnly(
  handle(paySandboxOrderOperation, ({ params, body, principal }) =>
    paySandboxOrder({ db: getPrisma(), paymentId: params.id, principal, options: body }),
  ),
);
