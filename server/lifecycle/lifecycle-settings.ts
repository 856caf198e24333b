import type { Env } from '@/lib/env';

export type LifecycleSettings = {
  /** Waits between status queries of an attempt, from its creation; the last one repeats. */
  querySchedule: number[];
  /** How long past its expiry an unresolved attempt is still queried. */
  queryHorizonSeconds: number;
  leaseSeconds: number;
  /** Waits between looks at a refund not yet final, from its creation; the last one repeats. */
  refundQuerySchedule: number[];
  /** A refund still open this long after it was asked raises an alert. */
  refundStuckAfterSeconds: number;
  /** Where providers send notifications: this gateway's /api/callbacks/{provider}. */
  callbackBaseUrl: string;
};

export function lifecycleSettingsFrom(env: Env): LifecycleSettings {
  return {
    querySchedule: env.PAYMENT_QUERY_SCHEDULE,
    queryHorizonSeconds: env.PAYMENT_QUERY_HORIZON_SECONDS,
    leaseSeconds: env.LIFECYCLE_LEASE_SECONDS,
    refundQuerySchedule: env.REFUND_QUERY_SCHEDULE,
    refundStuckAfterSeconds: env.REFUND_STUCK_AFTER_SECONDS,
    callbackBaseUrl: (env.CALLBACK_BASE_URL ?? `http://127.0.0.1:${env.PORT}`).replace(/\/+$/, ''),
  };
}
