'use client';

import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { authClient } from '../auth-client';
import { safeNextPath } from '../safe-next-path';

function messageFor(status: number): string {
  if (status === 429) return 'Too many sign-in attempts. Wait a minute and try again.';
  if (status === 401 || status === 400 || status === 403) return 'Wrong email or password.';
  return 'Signing in failed. Try again.';
}

/** DESIGN §5: fields "Email" and "Password" and a "Sign in" button; a refused sign-in says so under the form. */
export function SignInForm({ next }: { next?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Until the script runs, a click would submit the form natively (credentials in the URL): the button waits.
  const ready = useSyncExternalStore(
    () => () => {},
    () => true,
    () => false,
  );

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const { error: refused } = await authClient.signIn.email({
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
    });
    if (refused) {
      setPending(false);
      setError(messageFor(refused.status));
      return;
    }
    // A full navigation, so the server renders the next page with the new session cookie.
    window.location.assign(safeNextPath(next));
  }

  return (
    <form
      method="post"
      onSubmit={submit}
      className="grid gap-4"
      noValidate
      data-ready={ready || undefined}
      aria-describedby={error ? 'sign-in-error' : undefined}
    >
      <FormField label="Email" required>
        <Input name="email" type="email" autoComplete="username" required autoFocus />
      </FormField>
      <FormField label="Password" required>
        <Input name="password" type="password" autoComplete="current-password" required />
      </FormField>
      {error && (
        <p id="sign-in-error" role="alert" className="text-sm text-destructive" data-testid="sign-in-error">
          {error}
        </p>
      )}
      <Button type="submit" loading={pending} disabled={!ready}>
        Sign in
      </Button>
    </form>
  );
}
