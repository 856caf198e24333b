'use client';

import { useMemo } from 'react';
import type { RiskAlert } from '@/features/console-risk/api/get-alerts';
import { useRules, type RiskRule } from '@/features/console-risk/api/get-rules';
import { alertSeverity, type Severity } from './alert-severity';
import { readEvidence, type AlertEvidence } from './read-evidence';

export type AlertView = RiskAlert & { read: AlertEvidence; severity: Severity; rule: RiskRule | null };

/** The rules by id, for rule names and actions; people who may not read rules see the alert's kind instead. */
export function useRuleIndex() {
  const rules = useRules();
  return useMemo(() => new Map((rules.data?.items ?? []).map((rule) => [rule.id, rule])), [rules.data]);
}

export function toAlertView(alert: RiskAlert, rules: ReadonlyMap<string, RiskRule>): AlertView {
  const rule = alert.ruleId ? (rules.get(alert.ruleId) ?? null) : null;
  const read = readEvidence(alert.kind, alert.evidence);
  return { ...alert, read, rule, severity: alertSeverity({ kind: alert.kind, evidence: read, ruleAction: rule?.action }) };
}
