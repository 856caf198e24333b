// POST /api/sandbox/payments/{id}/faults: make the sandbox provider misbehave for one order (queries, closes, refunds).
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { sandboxOnly } from '@/server/sandbox/sandbox-only';
import { setSandboxFaultsOperation } from '@/contracts/sandbox';
import { setSandboxFaults } from '@/server/sandbox/set-sandbox-faults';

export const POST = sandboxOnly(
  handle(setSandboxFaultsOperation, ({ params, body, principal }) =>
    setSandboxFaults({ db: getPrisma(), paymentId: params.id, principal, faults: body }),
  ),
);
