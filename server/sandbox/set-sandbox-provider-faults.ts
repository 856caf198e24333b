import type { z } from 'zod';
import type { Db } from '@/lib/db/prisma';
import type { sandboxProviderFaultsSchema } from '@/contracts/sandbox';

/** Switches how the sandbox provider answers every new order (until switched back). */
export async function setSandboxProviderFaults({ db, faults }: { db: Db; faults: z.output<typeof sandboxProviderFaultsSchema> }) {
  const setting = await db.sandboxSetting.upsert({
    where: { id: 'sandbox' },
    create: { id: 'sandbox', createFault: faults.create },
    update: { createFault: faults.create, updatedAt: new Date() },
  });
  return { create: setting.createFault };
}
