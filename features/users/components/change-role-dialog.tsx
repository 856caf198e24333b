'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { toast } from '@/components/ui/use-toast';
import type { Role } from '@/contracts/access';
import { useChangeUserRole } from '../api/change-user';
import type { User } from '../api/get-users';
import { roleDescriptions, roleLabels, rolesLike } from '../role-labels';

/** A new role within the person's audience; the API ends their sessions, so they sign in again under it. */
export function ChangeRoleDialog({ user }: { user: User }) {
  const [open, setOpen] = useState(false);
  const [role, setRole] = useState<Role>(user.role);
  const [error, setError] = useState<string | null>(null);
  const change = useChangeUserRole();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (role === user.role) {
      setError('Choose another role.');
      return;
    }
    try {
      await change.mutateAsync({ id: user.id, role });
      toast({ title: `${user.email} is now ${roleLabels[role].toLowerCase()}`, description: 'Their sessions ended.', tone: 'success' });
      setOpen(false);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'The role could not be changed. Try again.');
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (change.isPending) return;
        setRole(user.role);
        setError(null);
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="outline" aria-label={`Change the role of ${user.email}`}>
          Change role
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-md">
        <DialogHeader>
          <DialogTitle>Change the role of {user.email}</DialogTitle>
          <DialogDescription>Their sessions end at once; they sign in again under the new role.</DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} noValidate className="flex flex-col gap-4">
          <FormField label="Role" description={roleDescriptions[role]} required error={error}>
            {(control) => (
              <Select value={role} onValueChange={(next) => setRole(next as Role)}>
                <SelectTrigger {...control}>
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {rolesLike(user.role).map((option) => (
                    <SelectItem key={option} value={option}>
                      {roleLabels[option]}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            )}
          </FormField>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)} disabled={change.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={change.isPending}>
              Change role
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
