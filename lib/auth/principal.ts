import { createHash, timingSafeEqual } from 'node:crypto';
import { getPrisma } from '@/lib/db/prisma';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { AuthRequirement } from '@/contracts/operation';

export type Principal = { kind: 'admin' } | { kind: 'merchant'; merchantId: string };

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

async function resolvePrincipal(authorization: string | null): Promise<Principal | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) return null;
  const token = match[1];
  if (sameSecret(token, getEnv().ADMIN_API_TOKEN)) return { kind: 'admin' };
  const merchant = await getPrisma().merchant.findUnique({
    where: { apiKeyHash: hashApiKey(token) },
    select: { id: true },
  });
  return merchant ? { kind: 'merchant', merchantId: merchant.id } : null;
}

/** Resolves the caller and checks it may use an operation that requires `requirement`. */
export async function authorize(request: Request, requirement: AuthRequirement): Promise<Principal | null> {
  if (requirement === 'none') return null;
  const principal = await resolvePrincipal(request.headers.get('authorization'));
  if (!principal) throw new AppError('unauthorized', 'Missing or invalid bearer token');
  if (requirement === 'admin' && principal.kind !== 'admin') {
    throw new AppError('forbidden', 'This operation needs the admin token');
  }
  if (requirement === 'merchant' && principal.kind !== 'merchant') {
    throw new AppError('forbidden', 'This operation needs a merchant API key');
  }
  return principal;
}
