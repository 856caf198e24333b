// /api/auth/*: better-auth's endpoints (sign-in by email and password, sign-out, the current session), behind our
// sign-in limits (lib/auth/handle-auth-request.ts).
import { toNextJsHandler } from 'better-auth/next-js';
import { handleAuthRequest } from '@/lib/auth/handle-auth-request';

export const dynamic = 'force-dynamic';

export const { GET, POST } = toNextJsHandler(handleAuthRequest);
