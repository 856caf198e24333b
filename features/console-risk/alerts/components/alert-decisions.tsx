'use client';

import { BanIcon, CheckIcon, XIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { ReasonDialog } from '@/components/ui/reason-dialog';
import { toast } from '@/components/ui/use-toast';
import { useDecideAlert, type AlertDecision } from '@/features/console-risk/api/decide-alert';
import type { RiskAlert } from '@/features/console-risk/api/get-alerts';

type Choice = {
  decision: AlertDecision;
  label: string;
  icon: ReactNode;
  title: string;
  description: string;
  confirm: string;
  variant: 'default' | 'destructive';
  from: readonly RiskAlert['status'][];
};

const choices: Choice[] = [
  {
    decision: 'acknowledged',
    label: 'Acknowledge',
    icon: <CheckIcon aria-hidden />,
    title: 'Acknowledge this alert',
    description: 'You own it and watch the merchant; new hits keep folding into it.',
    confirm: 'Acknowledge',
    variant: 'default',
    from: ['open'],
  },
  {
    decision: 'dismissed',
    label: 'Dismiss',
    icon: <XIcon aria-hidden />,
    title: 'Dismiss this alert',
    description: 'It ends here; the next hit of its rule opens a new alert.',
    confirm: 'Dismiss',
    variant: 'default',
    from: ['open', 'acknowledged'],
  },
  {
    decision: 'blocked',
    label: 'Block merchant',
    icon: <BanIcon aria-hidden />,
    title: 'Block the merchant',
    description: 'Its new payments are refused with 403 merchant_blocked from now on. Payments already made still settle.',
    confirm: 'Block merchant',
    variant: 'destructive',
    from: ['open', 'acknowledged'],
  },
];

/** One-click decisions, each asking for its reason; recorded with the signed-in person. */
export function AlertDecisions({ alert }: { alert: RiskAlert }) {
  const decide = useDecideAlert(alert.id);
  const available = choices.filter((choice) => choice.from.includes(alert.status) && (choice.decision !== 'blocked' || alert.merchantId));
  if (available.length === 0) return null;
  return (
    <>
      {available.map((choice) => (
        <ReasonDialog
          key={choice.decision}
          trigger={
            <Button variant={choice.variant === 'destructive' ? 'destructive' : 'outline'}>
              {choice.icon}
              {choice.label}
            </Button>
          }
          title={choice.title}
          description={choice.description}
          confirmLabel={choice.confirm}
          variant={choice.variant}
          onConfirm={async (reason) => {
            await decide.mutateAsync({ decision: choice.decision, reason });
            toast({ title: `Alert ${choice.decision}`, tone: 'success' });
          }}
        />
      ))}
    </>
  );
}
