// People in integration tests: a user of any role made through the real create-user path, signed in through
// better-auth's own endpoint, so the session cookie is exactly what a browser would carry.
import { randomBytes } from 'node:crypto';
import type { Role } from '@/contracts/access';
import { handleAuthRequest } from '@/lib/auth/handle-auth-request';
import { adminTokenPrincipal } from '@/lib/auth/principal';
import type { Db } from '@/lib/db/prisma';
import { createUser } from '@/server/users/create-user';

export const testPassword = 'correct horse battery staple';

/** POST /api/auth/sign-in/email from `ip`, as the sign-in form sends it. */
export function signInRequest(email: string, password: string, ip = `10.9.${randomBytes(1)[0]}.${randomBytes(1)[0]}`) {
  return handleAuthRequest(
    new Request('http://localhost/api/auth/sign-in/email', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost', 'x-forwarded-for': ip },
      body: JSON.stringify({ email, password }),
    }),
  );
}

/** The `cookie` header a browser would send after this response. */
export function cookieFrom(response: Response): string {
  const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
  if (!cookies.some((cookie) => cookie.includes('session_token='))) throw new Error(`no session cookie (status ${response.status})`);
  return cookies.join('; ');
}

export type SignedInUser = { id: string; email: string; role: Role; merchantId: string | null; cookie: string };

export async function signedInUser(db: Db, role: Role, merchantId?: string): Promise<SignedInUser> {
  const email = `${role}-${randomBytes(4).toString('hex')}@shop.test`;
  const user = await createUser({ db, principal: adminTokenPrincipal, input: { email, password: testPassword, role, merchantId } });
  const response = await signInRequest(email, testPassword);
  return { id: user.id, email, role, merchantId: user.merchantId, cookie: cookieFrom(response) };
}

/** `callRoute` options for a request carrying this person's session cookie and no bearer token. */
export function asUser(user: { cookie: string }) {
  return { token: null, headers: { cookie: user.cookie } };
}
