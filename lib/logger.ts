import { pino } from 'pino';

// Secrets must never reach the log. Three layers, because a secret can arrive as a known field, as a field under any
// name that says what it is, or inside a message or an error's text.
const censor = '[Redacted]';

// Known places, redacted by pino itself (fast paths for the common shapes).
const redactPaths = [
  'apiKey',
  'webhookSecret',
  'secret',
  'token',
  'password',
  'privateKey',
  'authorization',
  'cookie',
  'headers.authorization',
  'headers.cookie',
  'headers["set-cookie"]',
  'headers["webhook-signature"]',
  'headers["wechatpay-signature"]',
  'req.headers.authorization',
  'req.headers.cookie',
  '*.apiKey',
  '*.webhookSecret',
  '*.secret',
  '*.token',
  '*.password',
  '*.privateKey',
  '*.authorization',
  '*.cookie',
  '*.headers.authorization',
  '*.headers.cookie',
];

// Any field, at any depth, whose name says it holds a credential or a signature.
const secretKey = /secret|token|password|passwd|authorization|cookie|signature|^sign$|api[-_]?key|private[-_]?key|apiv3|credential/i;

// Values that are secrets whatever field holds them: our key and secret formats, bearer tokens, PEM private keys.
const secretValues: RegExp[] = [
  /whsec_[A-Za-z0-9+/=_-]+/g,
  /\bmk_[A-Za-z0-9_-]{8,}/g,
  /\bBearer\s+[^\s"',]+/gi,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g,
];

export function redactText(text: string): string {
  return secretValues.reduce((out, pattern) => out.replace(pattern, censor), text);
}

function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  // An error's message, stack and cause are not enumerable: serialize it first so its text is scrubbed too.
  if (value instanceof Error) return scrub(pino.stdSerializers.err(value), depth + 1);
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = secretKey.test(key) ? censor : scrub(item, depth + 1);
  return out;
}

export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { process: process.env.PROCESS_ROLE ?? (process.argv[1]?.includes('workers') ? 'worker' : 'web') },
  redact: { paths: redactPaths, censor },
  formatters: { log: (object) => scrub(object) as Record<string, unknown> },
  hooks: {
    logMethod(args, method) {
      method.apply(this, args.map((arg) => (typeof arg === 'string' ? redactText(arg) : arg)) as Parameters<typeof method>);
    },
  },
});
