'use client';

import { Trash2Icon } from 'lucide-react';
import { createContext, useContext, useState } from 'react';
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { toast } from '@/components/ui/use-toast';
import { merchantRoles, type MerchantRole } from '@/contracts/access';
import { useChangeUserRole, useRemoveUser, type UserRow } from '../api/users';
import { merchantRoleDescriptions } from '../merchant-roles';

/** The signed-in owner's id: nobody changes or removes their own account (the API refuses it too). */
export const CurrentUserContext = createContext<string | null>(null);

const isMerchantRole = (role: string): role is MerchantRole => (merchantRoles as readonly string[]).includes(role);

/** A user's role, changeable by the owner (its sessions end at once), for anyone but the owner looking. */
export function UserRoleCell({ user }: { user: UserRow }) {
  const me = useContext(CurrentUserContext);
  const change = useChangeUserRole();
  if (user.id === me || !isMerchantRole(user.role)) {
    return <span>{isMerchantRole(user.role) ? merchantRoleDescriptions[user.role].label : user.role}</span>;
  }
  return (
    <Select
      value={user.role}
      disabled={change.isPending}
      onValueChange={(value) => {
        const role = merchantRoles.find((known) => known === value);
        if (!role) return;
        change.mutate(
          { id: user.id, role },
          {
            onSuccess: () =>
              toast({ title: `${user.email} is now ${role}`, description: 'Their sessions ended; they sign in again.', tone: 'success' }),
            onError: (error) => toast({ title: 'Role not changed', description: error.message, tone: 'danger' }),
          },
        );
      }}
    >
      <SelectTrigger size="sm" className="w-36" aria-label={`Role of ${user.email}`}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {merchantRoles.map((role) => (
          <SelectItem key={role} value={role}>
            {merchantRoleDescriptions[role].label}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}

/** "Remove": the user and every session of theirs end at once, after a confirmation. */
export function RemoveUserButton({ user }: { user: UserRow }) {
  const me = useContext(CurrentUserContext);
  const [open, setOpen] = useState(false);
  const remove = useRemoveUser();
  if (user.id === me) return <span className="text-xs text-muted-foreground">You</span>;
  return (
    <AlertDialog open={open} onOpenChange={setOpen}>
      <AlertDialogTrigger asChild>
        <Button variant="outline" size="sm" aria-label={`Remove ${user.email}`}>
          <Trash2Icon aria-hidden />
          Remove
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Remove {user.email}?</AlertDialogTitle>
          <AlertDialogDescription>They are signed out everywhere at once and can no longer sign in.</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <Button
            variant="destructive"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(user.id, {
                onSuccess: () => {
                  setOpen(false);
                  toast({ title: `${user.email} removed`, tone: 'success' });
                },
                onError: (error) => toast({ title: 'Not removed', description: error.message, tone: 'danger' }),
              })
            }
          >
            Remove
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
