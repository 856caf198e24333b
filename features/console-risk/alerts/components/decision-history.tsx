'use client';

import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { StatusBadge } from '@/components/ui/status-badge';
import { Time } from '@/components/ui/time';
import type { z } from 'zod';
import type { riskAlertDecisionSchema } from '@/contracts/risk';
import type { RiskAlert } from '@/features/console-risk/api/get-alerts';

type Decision = { from: string | null; status: string; actor: string; reason: string; at: string };

type WithHistory = RiskAlert & { decisions?: z.output<typeof riskAlertDecisionSchema>[] };

/**
 * The decisions made on an alert, oldest first, each with its person and reason: the alert's own history when the
 * API gave it (GET /api/risk/alerts/{id}), else its latest decision (a list row).
 */
export function decisionsOf(alert: WithHistory): Decision[] {
  if (alert.decisions)
    return alert.decisions.map((entry) => ({
      from: entry.fromStatus,
      status: entry.decision,
      actor: entry.actor,
      reason: entry.reason,
      at: entry.createdAt,
    }));
  if (alert.decidedAt && alert.decidedBy)
    return [{ from: null, status: alert.status, actor: alert.decidedBy, reason: alert.decisionReason ?? '', at: alert.decidedAt }];
  return [];
}

export function DecisionHistory({ alert }: { alert: WithHistory }) {
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
                  {decision.from && (
                    <>
                      <StatusBadge status={decision.from} />
                      <span aria-label="to">→</span>
                    </>
                  )}
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
