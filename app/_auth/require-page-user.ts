// The page guard of every signed-in page and layout: signed out → /login, the other audience → its own home, a role
// the page does not allow → /forbidden. The page's data still comes through the API, which authorizes every read.
import { headers } from 'next/headers';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import type { Audience, Role } from '@/contracts/access';
import { decidePageAccess } from '@/lib/auth/page-access';
import { principalFromSession, type Principal } from '@/lib/auth/principal';

export type PageUser = Principal & { via: 'session'; userId: string; email: string };

type RequirePageUser = {
  audience: Audience;
  /** The roles that may open the page; every role of the audience when absent. */
  roles?: readonly Role[];
  /** Where to come back to after signing in; the audience's home when absent. */
  path?: string;
};

// The layout and its page both ask; one request reads the session once.
const sessionPrincipal = cache(async () => principalFromSession(await headers()));

export async function requirePageUser({ audience, roles, path }: RequirePageUser): Promise<PageUser> {
  const principal = await sessionPrincipal();
  const decision = decidePageAccess(principal, { audience, roles }, path ?? (audience === 'staff' ? '/console' : '/portal'));
  if (!decision.allow) redirect(decision.redirectTo);
  return principal as PageUser;
}

/** The signed-in person, if any, without requiring one (the home page's redirect). */
export async function currentPageUser(): Promise<Principal | null> {
  return sessionPrincipal();
}
