'use client';

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { StatusBadge } from '@/components/ui/status-badge';
import { Time } from '@/components/ui/time';
import type { RiskAlert } from '@/features/console-risk/api/get-alerts';

type Decision = { status: string; actor: string; reason: string; at: string };

/** The decisions made on an alert, oldest first, each with its person and reason. */
export function decisionsOf(alert: RiskAlert): Decision[] {
  const history = (alert as RiskAlert & { decisions?: { decision: string; actor: string; reason: string; createdAt: string }[] }).decisions;
  if (Array.isArray(history) && history.length > 0)
    return history.map((entry) => ({ status: entry.decision, actor: entry.actor, reason: entry.reason, at: entry.createdAt }));
  if (alert.decidedAt && alert.decidedBy)
    return [{ status: alert.status, actor: alert.decidedBy, reason: alert.decisionReason ?? '', at: alert.decidedAt }];
  return [];
}

export function DecisionHistory({ alert }: { alert: RiskAlert }) {
  const decisions = decisionsOf(alert);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Decisions</CardTitle>
        <CardDescription>Who decided what, and why.</CardDescription>
      </CardHeader>
      <CardContent>
        {decisions.length === 0 ? (
          <p className="text-sm text-muted-foreground">Not decided yet.</p>
        ) : (
          <ol className="flex flex-col gap-4" aria-label="Decision history">
            {decisions.map((decision, index) => (
              <li key={`${decision.at}-${index}`} data-testid="alert-decision" className="flex flex-col gap-1 border-l-2 pl-3">
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <StatusBadge status={decision.status} />
                  <span className="font-medium" data-testid="decision-actor">
                    {decision.actor}
                  </span>
                  <Time value={decision.at} className="text-muted-foreground" />
                </div>
                <p className="whitespace-pre-wrap text-sm" data-testid="decision-reason">
                  {decision.reason}
                </p>
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
