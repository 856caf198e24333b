import type { Principal } from '@/lib/auth/principal';
import type { Db } from '@/lib/db/prisma';
import { recordAudit } from '@/server/audit/record-audit';
import { findManagedUser } from './find-managed-user';
import { assertNotSelf } from './user-scope';

/** DELETE /api/users/{id}: the user, its credentials and its sessions go at once; the audit trail keeps who it was. */
export async function removeUser({ db, principal, id }: { db: Db; principal: Principal; id: string }) {
  assertNotSelf(principal, id);
  await db.$transaction(async (tx) => {
    const user = await findManagedUser(tx, principal, id);
    await tx.user.delete({ where: { id } });
    await recordAudit(tx, {
      actor: principal,
      action: 'user.remove',
      subjectType: 'user',
      subjectId: id,
      merchantId: user.merchantId,
      before: { email: user.email, role: user.role, merchantId: user.merchantId },
    });
  });
}
