// Who is calling, resolved in one place for every kind of caller: the admin bearer token and merchant API keys
// (machine clients), and a signed-in person's session cookie. `authorize` then checks the operation's declared
// access (contracts/operation.ts) against the caller's role.
import { createHash, timingSafeEqual } from 'node:crypto';
import { getPrisma } from '@/lib/db/prisma';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { getAuth } from '@/lib/auth/better-auth';
import { roleSchema, audienceOf, roleMayAccess, type Audience, type Role } from '@/contracts/access';
import type { Access } from '@/contracts/operation';

export type Principal = {
  /** Staff see every merchant; a merchant principal is bound to `merchantId`. */
  kind: Audience;
  /** The admin token acts as an admin; a merchant API key as a developer of its merchant. */
  role: Role;
  merchantId: string | null;
  via: 'admin-token' | 'api-key' | 'session';
  /** The person, for a session. */
  userId: string | null;
  email: string | null;
  /** How the audit trail names it: `user:<email>`, `token:admin`, `api-key:<prefix>`. */
  actor: string;
};

export const adminTokenPrincipal: Principal = {
  kind: 'staff',
  role: 'admin',
  merchantId: null,
  via: 'admin-token',
  userId: null,
  email: null,
  actor: 'token:admin',
};

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

async function fromBearer(token: string): Promise<Principal | null> {
  if (sameSecret(token, getEnv().ADMIN_API_TOKEN)) return adminTokenPrincipal;
  const merchant = await getPrisma().merchant.findUnique({
    where: { apiKeyHash: hashApiKey(token) },
    select: { id: true, apiKeyPrefix: true },
  });
  if (!merchant) return null;
  return {
    kind: 'merchant',
    role: 'developer',
    merchantId: merchant.id,
    via: 'api-key',
    userId: null,
    email: null,
    actor: `api-key:${merchant.apiKeyPrefix}`,
  };
}

/** The signed-in person of a request's cookies, or null. Disabled users and unknown roles are nobody. */
export async function principalFromSession(headers: Headers): Promise<Principal | null> {
  if (!/better-auth\.session_token=/.test(headers.get('cookie') ?? '')) return null;
  const session = await getAuth().api.getSession({ headers, query: { disableRefresh: true } });
  if (!session) return null;
  const user = session.user as typeof session.user & { role?: unknown; merchantId?: unknown; disabled?: unknown };
  const role = roleSchema.safeParse(user.role);
  if (!role.success || user.disabled === true) return null;
  const merchantId = typeof user.merchantId === 'string' ? user.merchantId : null;
  const kind = audienceOf(role.data);
  // The database's CHECK keeps these consistent; a row that is not is refused rather than trusted.
  if ((kind === 'merchant') !== (merchantId !== null)) return null;
  return { kind, role: role.data, merchantId, via: 'session', userId: user.id, email: user.email, actor: `user:${user.email}` };
}

async function resolvePrincipal(request: Request): Promise<Principal | null> {
  const authorization = request.headers.get('authorization');
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    return match ? fromBearer(match[1]) : null;
  }
  return principalFromSession(request.headers);
}

/** Whether a principal holds an access requirement (staff and merchant levels by role). */
export function mayAccess(principal: Principal, access: Exclude<Access, 'none'>): boolean {
  return roleMayAccess(principal.role, access);
}

/** Resolves the caller and checks it may use an operation that requires `access`: 401 signed out, 403 wrong role. */
export async function authorize(request: Request, access: Access): Promise<Principal | null> {
  if (access === 'none') return null;
  const principal = await resolvePrincipal(request);
  if (!principal) throw new AppError('unauthorized', 'Sign in, or send a valid bearer token');
  if (!mayAccess(principal, access)) throw new AppError('forbidden', `This operation is not allowed for ${describe(principal)}`);
  return principal;
}

function describe(principal: Principal): string {
  if (principal.via === 'admin-token') return 'the admin token';
  if (principal.via === 'api-key') return 'a merchant API key';
  return `the ${principal.role} role`;
}
