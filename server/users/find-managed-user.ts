import type { Principal } from '@/lib/auth/principal';
import { withinScope } from '@/lib/auth/merchant-scope';
import type { Tx } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';

/** A user the principal may manage, locked for the change; another merchant's (or, for an owner, staff) is not found. */
export async function findManagedUser(tx: Tx, principal: Principal, id: string) {
  const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM app_user WHERE id = ${id}::uuid FOR UPDATE`;
  const user = locked ? await tx.user.findUnique({ where: { id } }) : null;
  const found = withinScope(principal, user, `User ${id}`);
  if (principal.kind === 'merchant' && found.merchantId === null) throw new AppError('not_found', `User ${id} not found`);
  return found;
}
