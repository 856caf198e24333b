import { consumeLimit, resetLimit } from './consume-limit';

type SignIn = { email: string; ip: string };

/**
 * Call before checking a sign-in's password: counts the attempt against its account (RATE_LIMIT_SIGN_IN_PER_ACCOUNT
 * per 15 minutes, whatever address it comes from) and its source address (RATE_LIMIT_SIGN_IN_PER_ADDRESS, whatever
 * account it tries), and throws the `rate_limited` AppError (429 with Retry-After) when either is spent. `ip` is
 * what `sourceAddress(request.headers)` returns.
 */
export async function limitSignIn({ email, ip }: SignIn): Promise<void> {
  await consumeLimit('sign_in_address', ip);
  await consumeLimit('sign_in_account', email.trim().toLowerCase());
}

/** Call after a successful sign-in: the account's failed attempts no longer count against it. */
export async function clearSignInLimit({ email }: Pick<SignIn, 'email'>): Promise<void> {
  await resetLimit('sign_in_account', email.trim().toLowerCase());
}
