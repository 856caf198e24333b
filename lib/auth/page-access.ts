// The decision behind every signed-in page (app/_auth/require-page-user.ts turns it into a redirect): framework-free,
// so the rule is tested without a browser.
import type { Audience, Role } from '@/contracts/access';
import type { Principal } from './principal';

export type PageRequirement = { audience: Audience; roles?: readonly Role[] };

export type PageDecision = { allow: true } | { allow: false; redirectTo: string };

/** Where a person lands: staff in the console, merchant users in the portal. */
export function homeOf(principal: Pick<Principal, 'kind'>): string {
  return principal.kind === 'staff' ? '/console' : '/portal';
}

export function decidePageAccess(principal: Principal | null, requirement: PageRequirement, path: string): PageDecision {
  if (!principal || principal.via !== 'session') return { allow: false, redirectTo: `/login?next=${encodeURIComponent(path)}` };
  if (principal.kind !== requirement.audience) return { allow: false, redirectTo: homeOf(principal) };
  if (requirement.roles && !requirement.roles.includes(principal.role))
    return { allow: false, redirectTo: `/forbidden?from=${encodeURIComponent(path)}` };
  return { allow: true };
}
