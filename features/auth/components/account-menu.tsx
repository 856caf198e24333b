'use client';

import { UserMenu, type ShellUser } from '@/components/shell/user-menu';
import { SignOutItem } from './sign-out-item';

/** The header's account menu of a signed-in page: who, in what role, and "Sign out". */
export function AccountMenu({ user }: { user: ShellUser }) {
  return (
    <UserMenu user={user}>
      <SignOutItem />
    </UserMenu>
  );
}
