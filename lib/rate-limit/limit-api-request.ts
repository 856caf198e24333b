import { consumeLimit } from './consume-limit';
import { sourceAddress } from './source-address';

/** Whom an API request is counted against: whatever identifies the principal (its kind and id), never the secret. */
function principalKey(principal: object): string {
  const fields = principal as Record<string, unknown>;
  const id = ['merchantId', 'userId', 'id'].map((name) => fields[name]).find((value) => typeof value === 'string');
  return `${String(fields.kind)}:${id ?? ''}`;
}

/** Counts an authenticated API request against its principal's budget (RATE_LIMIT_API_PER_MINUTE). */
export async function limitApiRequest(principal: object | null): Promise<void> {
  if (principal) await consumeLimit('api', principalKey(principal));
}

/**
 * Counts a request whose credentials were refused against its source address (RATE_LIMIT_AUTH_FAILURES_PER_MINUTE),
 * so keys and tokens cannot be guessed at speed; throws the 429 once the address has spent it.
 */
export async function limitAuthFailure(request: Request): Promise<void> {
  await consumeLimit('auth_failures', sourceAddress(request.headers));
}
