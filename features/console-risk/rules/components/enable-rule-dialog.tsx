'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { toast } from '@/components/ui/use-toast';
import { useChangeRule } from '@/features/console-risk/api/change-rule';
import type { RiskRule } from '@/features/console-risk/api/get-rules';
import { BacktestPanel } from './backtest-panel';

/** Enabling starts with what the rule would have done: a backtest over a chosen past range, then "Enable". */
export function EnableRuleDialog({ rule }: { rule: RiskRule }) {
  const [open, setOpen] = useState(false);
  const change = useChangeRule();
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="outline">
          Enable…
        </Button>
      </DialogTrigger>
      <DialogContent className="max-h-[90dvh] overflow-y-auto sm:max-w-3xl">
        <DialogHeader>
          <DialogTitle>Enable {rule.name}</DialogTitle>
          <DialogDescription>
            See what it would have raised before it judges live payments{rule.action === 'block' ? ' and blocks merchants on its own' : ''}.
          </DialogDescription>
        </DialogHeader>
        <BacktestPanel ruleId={rule.id} />
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button
            loading={change.isPending}
            onClick={async () => {
              await change.mutateAsync({ ruleId: rule.id, change: 'enable' });
              toast({ title: `${rule.name} is enabled`, tone: 'success' });
              setOpen(false);
            }}
          >
            Enable rule
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
