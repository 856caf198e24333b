'use client';

import { UserPlusIcon } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select, SelectContent, SelectGroup, SelectItem, SelectLabel, SelectTrigger, SelectValue } from '@/components/ui/select';
import { toast } from '@/components/ui/use-toast';
import { audienceOf, merchantRoles, staffRoles, type Role } from '@/contracts/access';
import { passwordMinLength } from '@/contracts/users';
import { useMerchantOptions } from '@/features/merchants/api/get-merchant-options';
import { useCreateUser } from '../api/change-user';
import { roleDescriptions, roleLabels } from '../role-labels';

type Errors = Partial<Record<'email' | 'password' | 'role' | 'merchantId' | 'form', string>>;

/**
 * Adds a person with a first password to hand over: staff (admin, analyst) or a merchant's user bound to one merchant.
 * The API checks everything again; its refusal is shown as it says it.
 */
export function InviteUserDialog() {
  const [open, setOpen] = useState(false);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [merchantId, setMerchantId] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const create = useCreateUser();
  const merchants = useMerchantOptions();
  const forMerchant = role !== '' && audienceOf(role) === 'merchant';

  const reset = () => {
    setEmail('');
    setPassword('');
    setRole('');
    setMerchantId('');
    setErrors({});
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) found.email = 'Give an email address.';
    if (password.length < passwordMinLength) found.password = `At least ${passwordMinLength} characters.`;
    if (role === '') found.role = 'Choose a role.';
    if (forMerchant && !merchantId) found.merchantId = 'A merchant user belongs to one merchant: choose it.';
    setErrors(found);
    if (Object.keys(found).length > 0 || role === '') return;
    try {
      const user = await create.mutateAsync({ email: email.trim(), password, role, merchantId: forMerchant ? merchantId : undefined });
      toast({
        title: `${user.email} can sign in`,
        description: `As ${roleLabels[user.role].toLowerCase()}, with the password you gave.`,
        tone: 'success',
      });
      reset();
      setOpen(false);
    } catch (failure) {
      setErrors({ form: failure instanceof Error ? failure.message : 'The person could not be added. Try again.' });
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (create.isPending) return;
        if (!next) reset();
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <UserPlusIcon aria-hidden />
          Invite person
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>Invite a person</DialogTitle>
          <DialogDescription>They sign in at /login with this email and the first password you give them.</DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} noValidate className="flex flex-col gap-4">
          <FormField label="Email" required error={errors.email}>
            <Input type="email" autoComplete="off" value={email} onChange={(event) => setEmail(event.target.value)} />
          </FormField>
          <FormField label="First password" description={`At least ${passwordMinLength} characters.`} required error={errors.password}>
            <Input type="password" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} />
          </FormField>
          <FormField label="Role" description={role ? roleDescriptions[role] : undefined} required error={errors.role}>
            {(control) => (
              <Select value={role || undefined} onValueChange={(next) => setRole(next as Role)}>
                <SelectTrigger {...control}>
                  <SelectValue placeholder="Choose a role" />
                </SelectTrigger>
                <SelectContent>
                  <SelectGroup>
                    <SelectLabel>Staff</SelectLabel>
                    {staffRoles.map((option) => (
                      <SelectItem key={option} value={option}>
                        {roleLabels[option]}
                      </SelectItem>
                    ))}
                  </SelectGroup>
                  <SelectGroup>
                    <SelectLabel>Merchant user</SelectLabel>
                    {merchantRoles.map((option) => (
                      <SelectItem key={option} value={option}>
                        {roleLabels[option]}
                      </SelectItem>
                    ))}
                  </SelectGroup>
                </SelectContent>
              </Select>
            )}
          </FormField>
          {forMerchant && (
            <FormField label="Merchant" required error={errors.merchantId}>
              {(control) => (
                <Select value={merchantId || undefined} onValueChange={setMerchantId}>
                  <SelectTrigger {...control}>
                    <SelectValue placeholder={merchants.isPending ? 'Loading merchants…' : 'Choose the merchant'} />
                  </SelectTrigger>
                  <SelectContent>
                    {(merchants.data ?? []).map((option) => (
                      <SelectItem key={option.value} value={option.value}>
                        {option.label}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
              )}
            </FormField>
          )}
          {errors.form && (
            <p role="alert" className="text-sm text-destructive" data-testid="invite-error">
              {errors.form}
            </p>
          )}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)} disabled={create.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Invite
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
