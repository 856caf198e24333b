// Sign-in for people (DESIGN §8): better-auth with email and password, sessions in PostgreSQL through Prisma on the
// app_user/session/account/verification tables, and sign-in attempts rate-limited in the database so every web
// process counts together. Accounts are created by POST /api/users, never by signing up.
import { createHmac } from 'node:crypto';
import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { getPrisma } from '@/lib/db/prisma';
import { getEnv } from '@/lib/env';
import { clientAddressHeader } from './client-address-header';

export const minPasswordLength = 12;

function createAuth() {
  const env = getEnv();
  const prisma = getPrisma();
  return betterAuth({
    appName: 'Paygate',
    // Without BETTER_AUTH_URL the origin comes from each request (one process serves localhost and 127.0.0.1 alike).
    baseURL: env.BETTER_AUTH_URL,
    basePath: '/api/auth',
    // Same-origin posts only: the page's origin must name the host the request was sent to (Next may rebuild the
    // request URL as localhost whatever address the browser used, so the Host header is what counts).
    trustedOrigins: (request) => {
      const host = request?.headers.get('host');
      return host ? [`http://${host}`, `https://${host}`] : [];
    },
    // Every process derives the same key from the admin token unless one is given.
    secret: env.BETTER_AUTH_SECRET ?? createHmac('sha256', env.ADMIN_API_TOKEN).update('paygate session cookies').digest('base64url'),
    database: prismaAdapter(prisma, { provider: 'postgresql' }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength, maxPasswordLength: 256 },
    user: {
      modelName: 'user',
      additionalFields: {
        role: { type: 'string', required: true, input: false },
        merchantId: { type: 'string', required: false, input: false },
        disabled: { type: 'boolean', required: false, input: false, defaultValue: false },
      },
    },
    session: {
      expiresIn: env.SESSION_TTL_SECONDS,
      updateAge: Math.min(86_400, Math.floor(env.SESSION_TTL_SECONDS / 2)),
      // No cookie cache: every request reads the session row, so deleting it signs the browser out at once.
      cookieCache: { enabled: false },
    },
    databaseHooks: {
      session: {
        create: {
          // A disabled user's password still verifies; it gets no session.
          before: async (session) => {
            const user = await prisma.user.findUnique({ where: { id: session.userId }, select: { disabled: true } });
            return user && !user.disabled ? undefined : false;
          },
        },
      },
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      modelName: 'rateLimit',
      window: 60,
      max: 600,
      customRules: { '/sign-in/email': { window: 60, max: env.SIGN_IN_ATTEMPTS_PER_MINUTE } },
    },
    advanced: {
      database: { generateId: 'uuid' },
      useSecureCookies: env.BETTER_AUTH_URL?.startsWith('https://') ?? false,
      // Set by handleAuthRequest from the address TRUSTED_PROXY_HOPS trusts; X-Forwarded-For's left end is the sender's.
      ipAddress: { ipAddressHeaders: [clientAddressHeader] },
    },
    telemetry: { enabled: false },
    // Its one warning (no BETTER_AUTH_URL) is the intended set-up here; errors still show.
    logger: { level: 'error' },
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { paygateAuth?: Auth };

/** One instance per process, made on first use (after the environment is read). */
export function getAuth(): Auth {
  globalForAuth.paygateAuth ??= createAuth();
  return globalForAuth.paygateAuth;
}
