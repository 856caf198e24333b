// Every request to /api/auth/* passes here before better-auth sees it. Two things are ours: the client address
// better-auth keys its own per-address limit on is the one `sourceAddress` trusts (TRUSTED_PROXY_HOPS from the right
// of X-Forwarded-For, never an entry the sender wrote), and a sign-in by email is first counted against its account
// and its address in the shared limits of lib/rate-limit, whatever the password turns out to be.
import { getAuth } from '@/lib/auth/better-auth';
import { accountEmail } from '@/lib/auth/account-email';
import { clientAddressHeader } from '@/lib/auth/client-address-header';
import { rateLimited } from '@/lib/errors';
import { errorResponse } from '@/lib/http/error-response';
import { readBody } from '@/lib/http/read-body';
import { clearSignInLimit, limitSignIn } from '@/lib/rate-limit/limit-sign-in';
import { sourceAddress } from '@/lib/rate-limit/source-address';

const signInBodyLimitBytes = 16 * 1024;

export async function handleAuthRequest(request: Request): Promise<Response> {
  const headers = new Headers(request.headers);
  const ip = sourceAddress(request.headers);
  headers.set(clientAddressHeader, ip);
  const isSignIn = request.method === 'POST' && new URL(request.url).pathname.endsWith('/sign-in/email');
  if (!isSignIn) return inErrorShape(await getAuth().handler(new Request(request, { headers })));
  try {
    const { body, email } = withAccountEmail(await readBody(request, signInBodyLimitBytes));
    headers.delete('content-length');
    if (email) await limitSignIn({ email, ip });
    const response = await getAuth().handler(new Request(request.url, { method: 'POST', headers, body }));
    if (email && response.ok) await clearSignInLimit({ email });
    return inErrorShape(response);
  } catch (error) {
    return errorResponse(error);
  }
}

/** better-auth's own 429 (its per-address window) answered like every other 429 of the API. */
function inErrorShape(response: Response): Response {
  if (response.status !== 429) return response;
  const seconds = Number(response.headers.get('x-retry-after'));
  return errorResponse(rateLimited(Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 60));
}

/**
 * The email a sign-in body names, as its account is kept (accountEmail), and the body carrying that address;
 * better-auth itself answers a body that is not JSON or names no email.
 */
function withAccountEmail(body: string): { body: string; email: string | null } {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null && 'email' in parsed && typeof parsed.email === 'string' && parsed.email.trim()) {
      const email = accountEmail(parsed.email);
      return { body: JSON.stringify({ ...parsed, email }), email };
    }
  } catch {
    // Not JSON: better-auth refuses it.
  }
  return { body, email: null };
}
