import type { Env } from '@/lib/env';

/** When a `block` rule's hit may block a merchant without a person (README "Risk"). */
export type AutoBlockPolicy = {
  enabled: boolean;
  /** Distinct enabled rules, the blocking one included, that must have hit the merchant within the signal window. */
  minSignals: number;
  signalWindowMinutes: number;
  /** Auto-blocks allowed per rolling hour, across all merchants: a bad rule cannot block the whole customer base. */
  maxPerHour: number;
  /** A merchant a person unblocked this recently is not auto-blocked again: the person has looked. */
  unblockGraceMinutes: number;
};

export function autoBlockPolicyFrom(env: Env): AutoBlockPolicy {
  return {
    enabled: env.RISK_AUTOBLOCK_ENABLED,
    minSignals: env.RISK_AUTOBLOCK_MIN_SIGNALS,
    signalWindowMinutes: env.RISK_AUTOBLOCK_SIGNAL_WINDOW_MINUTES,
    maxPerHour: env.RISK_AUTOBLOCK_MAX_PER_HOUR,
    unblockGraceMinutes: env.RISK_AUTOBLOCK_UNBLOCK_GRACE_MINUTES,
  };
}
