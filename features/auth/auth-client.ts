// better-auth's browser client: the same origin's /api/auth endpoints.
import { createAuthClient } from 'better-auth/react';

export const authClient = createAuthClient({ basePath: '/api/auth' });
