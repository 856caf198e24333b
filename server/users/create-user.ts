import type { z } from 'zod';
import type { createUserBodySchema } from '@/contracts/users';
import type { Principal } from '@/lib/auth/principal';
import type { Db } from '@/lib/db/prisma';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/server/audit/record-audit';
import { saveUser } from './save-user';
import { toUserView } from './to-user-view';
import { assertMayManage } from './user-scope';

type CreateUser = { db: Db; principal: Principal; input: z.output<typeof createUserBodySchema> };

/** POST /api/users: a new person who signs in, recorded in the audit trail with who added them. */
export async function createUser({ db, principal, input }: CreateUser) {
  const merchantId = assertMayManage(principal, input);
  if (merchantId && !(await db.merchant.findUnique({ where: { id: merchantId }, select: { id: true } }))) {
    throw new AppError('not_found', `Merchant ${merchantId} not found`);
  }
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: input.email }, select: { id: true } })) {
      throw new AppError('conflict', `A user with email ${input.email} exists already`);
    }
    const { user } = await saveUser({ tx, ...input, merchantId });
    await recordAudit(tx, {
      actor: principal,
      action: 'user.create',
      subjectType: 'user',
      subjectId: user.id,
      merchantId,
      after: { email: user.email, role: user.role, merchantId },
    });
    return toUserView(user);
  });
}
