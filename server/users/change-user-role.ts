import { audienceOf, type Role } from '@/contracts/access';
import type { Principal } from '@/lib/auth/principal';
import type { Db } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/server/audit/record-audit';
import { findManagedUser } from './find-managed-user';
import { toUserView } from './to-user-view';
import { assertNotSelf } from './user-scope';

type ChangeUserRole = { db: Db; principal: Principal; id: string; role: Role };

/**
 * PATCH /api/users/{id}: a new role within the user's audience (staff stay staff; a merchant user stays with its
 * merchant). Its sessions are deleted in the same transaction, so it signs in again under the new role.
 */
export async function changeUserRole({ db, principal, id, role }: ChangeUserRole) {
  assertNotSelf(principal, id);
  return db.$transaction(async (tx) => {
    const user = await findManagedUser(tx, principal, id);
    if (audienceOf(user.role) !== audienceOf(role)) {
      throw new AppError('validation_failed', `A ${user.role} cannot become ${role}: staff and merchant users are separate accounts`);
    }
    const updated = await tx.user.update({ where: { id }, data: { role } });
    await tx.session.deleteMany({ where: { userId: id } });
    await recordAudit(tx, {
      actor: principal,
      action: 'user.change_role',
      subjectType: 'user',
      subjectId: id,
      merchantId: user.merchantId,
      before: { email: user.email, role: user.role },
      after: { email: user.email, role },
    });
    return toUserView(updated);
  });
}
