'use client';

import { ChevronDownIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { formatStatus } from '@/lib/format/format-status';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';

export type ShellUser = { email: string; name?: string | null; role: string; merchantName?: string | null };

function initials(user: ShellUser): string {
  const source = user.name?.trim() || user.email;
  const parts = source.split(/[\s@._-]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts[1]?.[0] ?? '')).toUpperCase() || '?';
}

/**
 * The signed-in person in the header, opening a menu of `children` (DropdownMenuItem: "Sign out", …; sign-in
 * decides what they do). Shows who and in what role, so an analyst knows which account acts.
 */
export function UserMenu({ user, children }: { user: ShellUser; children?: ReactNode }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" className="h-9 gap-2 px-2" aria-label={`Account: ${user.name || user.email}`}>
          <span aria-hidden className="flex size-7 items-center justify-center rounded-full bg-secondary text-xs font-semibold">
            {initials(user)}
          </span>
          <span className="hidden max-w-40 truncate text-sm md:inline">{user.name || user.email}</span>
          <ChevronDownIcon aria-hidden className="text-muted-foreground" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-64">
        <DropdownMenuLabel className="flex flex-col gap-0.5">
          <span className="truncate">{user.name || user.email}</span>
          {user.name && <span className="truncate text-xs font-normal text-muted-foreground">{user.email}</span>}
          <span className="text-xs font-normal text-muted-foreground">
            {formatStatus(user.role)}
            {user.merchantName ? ` · ${user.merchantName}` : ''}
          </span>
        </DropdownMenuLabel>
        {children && <DropdownMenuSeparator />}
        {children}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
