import type { RiskRule } from '@/generated/prisma/client';

export function toRiskRuleView(rule: RiskRule) {
  return {
    id: rule.id,
    name: rule.name,
    kind: rule.kind,
    params: rule.params as Record<string, unknown>,
    enabled: rule.enabled,
    action: rule.action,
    createdAt: rule.createdAt.toISOString(),
    updatedAt: rule.updatedAt.toISOString(),
  };
}
