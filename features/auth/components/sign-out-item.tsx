'use client';

import { LogOutIcon } from 'lucide-react';
import { DropdownMenuItem } from '@/components/ui/dropdown-menu';
import { authClient } from '../auth-client';

/** "Sign out" in the user menu: ends this browser's session (its row is deleted) and goes to the sign-in page. */
export function SignOutItem() {
  return (
    <DropdownMenuItem
      onSelect={async () => {
        await authClient.signOut();
        window.location.assign('/login');
      }}
    >
      <LogOutIcon aria-hidden />
      Sign out
    </DropdownMenuItem>
  );
}
