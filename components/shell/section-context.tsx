'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { roleMayAccess, type Audience, type Role } from '@/contracts/access';
import type { Operation } from '@/contracts/operation';

/** Which signed-in area a page is in, and who is looking: shared pages link within their area and offer what the role may do. */
export type Section = { base: '/console' | '/portal'; audience: Audience; role: Role | null };

// Outside a signed-in layout (nothing renders there today) the console's links, and every action offered: the API
// refuses what the caller may not do anyway.
const SectionContext = createContext<Section>({ base: '/console', audience: 'staff', role: null });

export function SectionProvider({ section, children }: { section: Section; children: ReactNode }) {
  return <SectionContext.Provider value={section}>{children}</SectionContext.Provider>;
}

export function useSection(): Section {
  return useContext(SectionContext);
}

/**
 * Whether the signed-in role may call an operation, from the operation's own declared access (the rule `authorize`
 * applies): pages hide or disable what the role cannot do.
 */
export function useMayCall(operation: Pick<Operation, 'auth'>): boolean {
  const { role } = useSection();
  if (operation.auth === 'none' || role === null) return true;
  return roleMayAccess(role, operation.auth);
}
