// POST /api/sandbox/faults: make the sandbox provider fail every new order (admin), to see what a provider outage does.
import { getPrisma } from '@/lib/db/prisma';
import { handle } from '@/lib/http/handle';
import { sandboxOnly } from '@/server/sandbox/sandbox-only';
import { setSandboxProviderFaultsOperation } from '@/contracts/sandbox';
import { setSandboxProviderFaults } from '@/server/sandbox/set-sandbox-provider-faults';

export const POST = sandboxOnly(
  handle(setSandboxProviderFaultsOperation, ({ body }) => setSandboxProviderFaults({ db: getPrisma(), faults: body })),
);
