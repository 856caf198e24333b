'use client';

import { UserPlusIcon } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { toast } from '@/components/ui/use-toast';
import { merchantRoles, type MerchantRole } from '@/contracts/access';
import { passwordMinLength } from '@/contracts/users';
import { useInviteUser } from '../api/users';
import { merchantRoleDescriptions } from '../merchant-roles';

/**
 * "Add user": an email, a role and an initial password the owner passes on to the person, who signs in with it at
 * /login. The user joins the owner's own merchant (the API binds it, whatever the body says).
 */
export function InviteUserDialog() {
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MerchantRole>('developer');
  const [password, setPassword] = useState('');
  const invite = useInviteUser();
  const tooShort = password.length > 0 && password.length < passwordMinLength;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate(
      { email: email.trim(), role, password },
      {
        onSuccess: (user) => {
          setOpen(false);
          setEmail('');
          setPassword('');
          toast({
            title: `${user.email} added as ${role}`,
            description: 'They sign in at /login with the password you gave them.',
            tone: 'success',
          });
        },
      },
    );
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) invite.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button data-testid="invite-user">
          <UserPlusIcon aria-hidden />
          Add user
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={submit} className="flex flex-col gap-4" aria-label="Add user">
          <DialogHeader>
            <DialogTitle>Add a user</DialogTitle>
            <DialogDescription>They sign in with this email and the initial password you give them.</DialogDescription>
          </DialogHeader>
          <FormField label="Email" required>
            <Input type="email" value={email} onChange={(event) => setEmail(event.target.value)} autoComplete="off" required />
          </FormField>
          <FormField label="Role" description={merchantRoleDescriptions[role].can}>
            {(control) => (
              <Select value={role} onValueChange={(value) => setRole(merchantRoles.find((known) => known === value) ?? role)}>
                <SelectTrigger {...control} data-testid="invite-role">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {merchantRoles.map((item) => (
                    <SelectItem key={item} value={item}>
                      {merchantRoleDescriptions[item].label}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            )}
          </FormField>
          <FormField
            label="Initial password"
            required
            description={`At least ${passwordMinLength} characters. Pass it on in person or over a channel you trust.`}
            error={tooShort ? `At least ${passwordMinLength} characters` : undefined}
          >
            <Input
              type="text"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              autoComplete="new-password"
              required
            />
          </FormField>
          {invite.error && (
            <Alert tone="danger">
              <AlertTitle>Not added</AlertTitle>
              <AlertDescription>{invite.error.message}</AlertDescription>
            </Alert>
          )}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" loading={invite.isPending} disabled={!email.trim() || password.length < passwordMinLength}>
              Add user
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
