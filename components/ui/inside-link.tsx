'use client';

import { createContext, useContext } from 'react';

// Set by containers whose whole area is a link (a data-table row): controls inside must not add tab stops of their
// own, because a focusable element nested in a link is invalid and doubles the keyboard path.
export const InsideLinkContext = createContext(false);

export function useInsideLink(): boolean {
  return useContext(InsideLinkContext);
}
