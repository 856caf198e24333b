import { verifyPassword } from 'better-auth/crypto';
import type { Db } from '@/lib/db/prisma';
import { accountEmail } from '@/lib/auth/account-email';
import { recordAudit } from '@/server/audit/record-audit';
import { saveUser } from './save-user';

type EnsureFirstAdmin = { db: Db; email: string; password: string };

/**
 * The first admin at start (DESIGN §5): creates it, or brings the user with this email back to an enabled admin with
 * this password, so ADMIN_EMAIL/ADMIN_PASSWORD always sign in. An admin already so is left alone (its sessions
 * survive a restart); one whose password or role changed loses its sessions.
 */
export async function ensureFirstAdmin({ db, email, password }: EnsureFirstAdmin) {
  const normalized = accountEmail(email);
  const current = await db.user.findUnique({
    where: { email: normalized },
    include: { accounts: { where: { providerId: 'credential' } } },
  });
  const hash = current?.accounts[0]?.password;
  if (current?.role === 'admin' && !current.disabled && hash && (await verifyPassword({ hash, password }))) {
    return { user: current, created: false, changed: false };
  }
  return db.$transaction(async (tx) => {
    const { user, existed, before } = await saveUser({ tx, email: normalized, password, role: 'admin', merchantId: null });
    if (existed) await tx.session.deleteMany({ where: { userId: user.id } });
    await recordAudit(tx, {
      actor: 'system:start',
      action: existed ? 'user.reset_admin' : 'user.create',
      subjectType: 'user',
      subjectId: user.id,
      before: before ? { email: before.email, role: before.role, merchantId: before.merchantId } : null,
      after: { email: user.email, role: user.role, merchantId: null },
    });
    return { user, created: !existed, changed: true };
  });
}
