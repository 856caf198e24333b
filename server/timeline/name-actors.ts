import type { Db } from '@/lib/db/prisma';

/** How the timeline names a person a merchant caller may not know by address. */
export type NameActor = (actor: string) => string;

type NameActorsFor = { db: Db; merchantId: string | null; actors: string[] };

/**
 * Staff see every actor as the audit trail names it. A merchant caller sees its own users and API keys as they are,
 * but Paygate's people (the admin token, staff users) only as `staff`, and a person who is no longer a user (whose
 * side can no longer be told) as `former-user`: a staff address is not the merchant's to see. One read of the users
 * the actors name, by their unique email.
 */
export async function nameActorsFor({ db, merchantId, actors }: NameActorsFor): Promise<NameActor> {
  if (merchantId === null) return (actor) => actor;
  const emails = [...new Set(actors.filter((actor) => actor.startsWith('user:')).map((actor) => actor.slice('user:'.length)))];
  const users =
    emails.length === 0 ? [] : await db.user.findMany({ where: { email: { in: emails } }, select: { email: true, merchantId: true } });
  const known = new Map(users.map((user) => [`user:${user.email}`, user.merchantId]));
  return (actor) => {
    if (actor.startsWith('api-key:') || actor === 'system') return actor;
    if (!actor.startsWith('user:')) return 'staff';
    if (!known.has(actor)) return 'former-user';
    return known.get(actor) === merchantId ? actor : 'staff';
  };
}
