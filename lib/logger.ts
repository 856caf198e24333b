import { pino } from 'pino';

// Secrets must never reach the log; these paths are redacted wherever they appear.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { process: process.env.PROCESS_ROLE ?? (process.argv[1]?.includes('workers') ? 'worker' : 'web') },
  redact: ['apiKey', 'webhookSecret', 'secret', 'headers.authorization', '*.apiKey', '*.webhookSecret', '*.secret'],
});
