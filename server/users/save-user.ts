import { hashPassword } from 'better-auth/crypto';
import type { Role } from '@/contracts/access';
import { accountEmail } from '@/lib/auth/account-email';
import type { Tx } from '@/lib/db/prisma';

type SaveUser = { tx: Tx; email: string; password: string; role: Role; merchantId: string | null; name?: string };

/**
 * Creates the person, or updates the one with this email, with an email-and-password credential in better-auth's
 * shape (account `credential`, its scrypt hash). Returns the user and whether it existed before.
 */
export async function saveUser({ tx, email, password, role, merchantId, name }: SaveUser) {
  const normalized = accountEmail(email);
  const hash = await hashPassword(password);
  const existing = await tx.user.findUnique({ where: { email: normalized } });
  const user = existing
    ? await tx.user.update({ where: { id: existing.id }, data: { role, merchantId, disabled: false, ...(name ? { name } : {}) } })
    : await tx.user.create({ data: { email: normalized, name: name ?? normalized.split('@')[0], role, merchantId, emailVerified: true } });
  await tx.account.upsert({
    where: { providerId_accountId: { providerId: 'credential', accountId: user.id } },
    create: { providerId: 'credential', accountId: user.id, userId: user.id, password: hash },
    update: { password: hash },
  });
  return { user, existed: existing !== null, before: existing };
}
