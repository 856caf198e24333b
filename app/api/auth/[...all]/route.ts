// /api/auth/*: better-auth's endpoints (sign-in by email and password, sign-out, the current session).
import { toNextJsHandler } from 'better-auth/next-js';
import { getAuth } from '@/lib/auth/better-auth';

export const dynamic = 'force-dynamic';

const handler = (request: Request) => getAuth().handler(request);

export const { GET, POST } = toNextJsHandler(handler);
