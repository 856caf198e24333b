// Every environment variable the system reads, validated once. `.env.example` lists them with their defaults.
import { z } from 'zod';
import { DEFAULT_BUSINESS_TIME_ZONE, isValidTimeZone } from '@/lib/format/business-time-zone';

const optionalText = z.preprocess((value) => (value === '' ? undefined : value), z.string().optional());
const csv = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );
const httpUrl = (name: string, fallback: string) =>
  z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.url({ protocol: /^https?$/, message: `${name} must be an http(s) URL` }).default(fallback),
  );

/** Comma-separated positive seconds, e.g. a retry or query schedule. */
function secondsList(name: string, fallback: string) {
  return z
    .string()
    .default(fallback)
    .transform((value, ctx) => {
      const seconds = value.split(',').map((item) => Number(item.trim()));
      if (seconds.length === 0 || seconds.some((s) => !Number.isFinite(s) || s <= 0)) {
        ctx.addIssue({ code: 'custom', message: `${name} must be comma-separated positive seconds` });
        return z.NEVER;
      }
      return seconds;
    });
}

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().url({ message: 'DATABASE_URL must be a postgresql:// URL' }),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  ADMIN_API_TOKEN: z.string().min(16, 'ADMIN_API_TOKEN must be at least 16 characters'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  CALLBACK_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(64 * 1024),
  // Rate limits, per minute (lib/rate-limit/limiters.ts): API requests per principal (admin token, merchant key,
  // user), failed authentications per source address, and callbacks refused before verification, per source
  // address and in total per provider. A verified callback is never limited.
  RATE_LIMIT_API_PER_MINUTE: z.coerce.number().int().min(1).default(1_200),
  RATE_LIMIT_AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  RATE_LIMIT_REJECTED_CALLBACKS_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  RATE_LIMIT_REJECTED_CALLBACKS_TOTAL_PER_MINUTE: z.coerce.number().int().min(1).default(3_000),
  // Sign-in attempts per 15 minutes, per account (from any address) and per source address (to any account).
  RATE_LIMIT_SIGN_IN_PER_ACCOUNT: z.coerce.number().int().min(1).default(10),
  RATE_LIMIT_SIGN_IN_PER_ADDRESS: z.coerce.number().int().min(1).default(100),
  // Callbacks refused before verification are all counted; a sample of them is also kept in the inbox (with a 2 KiB
  // excerpt of the body).
  // Of each hour's count per provider, source address and reason, the first SAMPLE_FIRST and then one in SAMPLE_EVERY
  // are kept, at most SAMPLES_PER_HOUR; counters are pruned after RETENTION_DAYS.
  REJECTED_CALLBACK_SAMPLE_FIRST: z.coerce.number().int().min(0).default(10),
  REJECTED_CALLBACK_SAMPLE_EVERY: z.coerce.number().int().min(1).default(100),
  REJECTED_CALLBACK_SAMPLES_PER_HOUR: z.coerce.number().int().min(0).default(100),
  // Sign-in (lib/auth/better-auth.ts): the public URL of the web app (unset: taken from each request; https makes the
  // session cookie Secure), the key that signs session cookies (unset: derived from ADMIN_API_TOKEN), how long a
  // session lasts, and sign-in attempts allowed per client address and minute.
  // The first admin, created or updated at start (scripts/ensure-first-admin.ts).
  ADMIN_EMAIL: optionalText.pipe(z.email({ message: 'ADMIN_EMAIL must be an email address' }).optional()),
  ADMIN_PASSWORD: optionalText.refine((password) => password === undefined || password.length >= 12, {
    message: 'ADMIN_PASSWORD must be at least 12 characters',
  }),
  BETTER_AUTH_URL: optionalText.refine((url) => url === undefined || /^https?:\/\/[^/]+/.test(url), {
    message: 'BETTER_AUTH_URL must be an http(s) URL',
  }),
  BETTER_AUTH_SECRET: optionalText.refine((secret) => secret === undefined || secret.length >= 32, {
    message: 'BETTER_AUTH_SECRET must be at least 32 characters',
  }),
  SESSION_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(300)
    .max(90 * 86_400)
    .default(7 * 86_400),
  SIGN_IN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  REJECTED_CALLBACK_RETENTION_DAYS: z.coerce.number().int().min(1).default(30),
  // Bearer token of GET /api/metrics (Prometheus). Unset: the route answers 404.
  METRICS_TOKEN: optionalText.refine((token) => token === undefined || token.length >= 16, {
    message: 'METRICS_TOKEN must be at least 16 characters',
  }),
  // Reverse proxies in front of the web server that append to X-Forwarded-For (0: none; see source-address.ts).
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  WECHATPAY_MCHID: optionalText,
  WECHATPAY_APPID: optionalText,
  WECHATPAY_APIV3_KEY: optionalText.refine((key) => key === undefined || Buffer.byteLength(key) === 32, {
    message: 'WECHATPAY_APIV3_KEY must be 32 bytes',
  }),
  WECHATPAY_PLATFORM_SERIAL: optionalText,
  WECHATPAY_PLATFORM_PUBLIC_KEY: optionalText,
  WECHATPAY_MERCHANT_SERIAL: optionalText,
  WECHATPAY_MERCHANT_PRIVATE_KEY: optionalText,
  WECHATPAY_BASE_URL: httpUrl('WECHATPAY_BASE_URL', 'https://api.mch.weixin.qq.com'),
  ALIPAY_APP_ID: optionalText,
  ALIPAY_PUBLIC_KEY: optionalText,
  ALIPAY_APP_PRIVATE_KEY: optionalText,
  ALIPAY_GATEWAY_URL: httpUrl('ALIPAY_GATEWAY_URL', 'https://openapi.alipay.com/gateway.do'),
  // Each call to a provider (create, query, close, refund, bill) gives up after this long and counts as unavailable.
  PROVIDER_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  // The built-in sandbox provider and its routes; false for production (its routes answer 404).
  SANDBOX_ENABLED: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  SANDBOX_CALLBACK_URL: optionalText,
  /** Where providers reach this gateway's /api/callbacks/{provider}; given to them with every order. */
  CALLBACK_BASE_URL: optionalText.refine((url) => url === undefined || /^https?:\/\/[^/]+/.test(url), {
    message: 'CALLBACK_BASE_URL must be an http(s) URL',
  }),
  PAYMENT_EXPIRES_IN_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 86_400)
    .default(7_200),
  // Waits between status queries of a pending attempt, from its creation; the last wait repeats.
  PAYMENT_QUERY_SCHEDULE: secondsList('PAYMENT_QUERY_SCHEDULE', '60,120,300,600,1800'),
  // Queries go on this long past the attempt's expiry (providers notify for about a day), then an alert is raised.
  PAYMENT_QUERY_HORIZON_SECONDS: z.coerce.number().int().min(0).default(86_400),
  // When the lifecycle sweeps (confirm-pending, close-expired, find-duplicates, confirm-refunds) run (cron; six fields for seconds).
  LIFECYCLE_SWEEP_CRON: z.string().trim().min(1).default('* * * * *'),
  // How long a worker may talk to a provider about one attempt before another worker may take it over.
  LIFECYCLE_LEASE_SECONDS: z.coerce.number().int().min(1).max(3_600).default(60),
  // Waits between looks at a refund not yet final (a resubmission while the provider has not taken it, else a query),
  // from its creation; the last wait repeats, for as long as the refund stays open.
  REFUND_QUERY_SCHEDULE: secondsList('REFUND_QUERY_SCHEDULE', '60,300,1800,3600,21600'),
  // A refund still not final this long after it was asked raises an alert (and is still queried).
  REFUND_STUCK_AFTER_SECONDS: z.coerce.number().int().min(1).default(86_400),
  // Fee of a merchant created without one, in parts per million of each payment (6000 = 0.6%).
  DEFAULT_FEE_RATE_PPM: z.coerce.number().int().min(0).max(1_000_000).default(6_000),
  DELIVERY_RETRY_SCHEDULE: secondsList('DELIVERY_RETRY_SCHEDULE', '5,30,120,600,1800,3600,10800,21600,43200,86400'),
  DELIVERY_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  NOTIFY_URL_ALLOWLIST: csv,
  DELIVERY_DISABLE_AFTER_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(3 * 86_400),
  DELIVERY_MERCHANT_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(10),
  // A pending delivery with no live job, untouched this long, is re-queued by the worker's minute sweep (longer than
  // a delivery job may run before pg-boss expires it, 120 s).
  STRANDED_DELIVERY_GRACE_SECONDS: z.coerce.number().int().min(0).default(180),
  SECRET_ROTATION_OVERLAP_SECONDS: z.coerce.number().int().min(0).default(86_400),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(500).default(32),
  RISK_AUTOBLOCK_ENABLED: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  RISK_AUTOBLOCK_MIN_SIGNALS: z.coerce.number().int().min(1).max(10).default(2),
  RISK_AUTOBLOCK_SIGNAL_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(60),
  RISK_AUTOBLOCK_MAX_PER_HOUR: z.coerce.number().int().min(0).max(10_000).default(3),
  RISK_AUTOBLOCK_UNBLOCK_GRACE_MINUTES: z.coerce.number().int().min(0).max(43_200).default(1440),
  // How often an open live stream says it is alive; the browser reconnects a stream silent for much longer.
  LIVE_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(300).default(15),
  // Longer than the longest window a rule may have (240 minutes).
  RISK_BUCKET_RETENTION_HOURS: z.coerce
    .number()
    .int()
    .min(5, 'RISK_BUCKET_RETENTION_HOURS must exceed the longest rule window (4 hours)')
    .default(48),
  // Longer than a dead-lettered event may wait for its redrive (30 days), or a redriven copy could count twice.
  PROCESSED_EVENT_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(31, 'PROCESSED_EVENT_RETENTION_DAYS must exceed the 30 days a dead letter is kept')
    .default(35),
  // The business day of settlements and of the dashboard's "today" (an IANA zone).
  SETTLEMENT_TIMEZONE: z
    .string()
    .default(DEFAULT_BUSINESS_TIME_ZONE)
    .refine(isValidTimeZone, { message: 'SETTLEMENT_TIMEZONE must be an IANA time zone, e.g. Asia/Shanghai' }),
  // When the settle pass runs (cron; six fields for seconds), and how long after its end a business day is settled.
  SETTLE_CRON: z.string().trim().min(1).default('*/10 * * * *'),
  SETTLEMENT_DELAY_SECONDS: z.coerce.number().int().min(0).max(86_400).default(600),
  // When yesterday's provider bills are reconciled (cron in China time, the providers' bill day).
  RECONCILE_CRON: z.string().trim().min(1).default('30 10 * * *'),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
      throw new Error(`Invalid environment:\n${problems}`);
    }
    cached = parsed.data;
  }
  return cached;
}
