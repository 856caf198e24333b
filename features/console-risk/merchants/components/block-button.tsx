'use client';

import { BanIcon, CircleCheckIcon } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { ReasonDialog } from '@/components/ui/reason-dialog';
import { toast } from '@/components/ui/use-toast';
import { useSetMerchantStatus } from '@/features/console-risk/api/set-merchant-status';

type BlockButtonProps = { merchant: { id: string; name: string; status: 'active' | 'blocked' } };

/** Block or unblock at once, with the reason asked for in a dialog and recorded with the person. */
export function BlockButton({ merchant }: BlockButtonProps) {
  const change = useSetMerchantStatus(merchant.id);
  const blocked = merchant.status === 'blocked';
  return (
    <ReasonDialog
      trigger={
        <Button variant={blocked ? 'outline' : 'destructive'}>
          {blocked ? <CircleCheckIcon aria-hidden /> : <BanIcon aria-hidden />}
          {blocked ? 'Unblock' : 'Block'}
        </Button>
      }
      title={blocked ? `Unblock ${merchant.name}` : `Block ${merchant.name}`}
      description={
        blocked
          ? 'Its new payments are accepted again from the moment you confirm.'
          : 'Its new payments are refused with 403 merchant_blocked from the moment you confirm. Payments already made still settle and are flagged.'
      }
      confirmLabel={blocked ? 'Unblock merchant' : 'Block merchant'}
      variant={blocked ? 'default' : 'destructive'}
      onConfirm={async (reason) => {
        const updated = await change.mutateAsync({ action: blocked ? 'unblock' : 'block', reason });
        toast({ title: updated.status === 'blocked' ? `${updated.name} is blocked` : `${updated.name} is active again`, tone: 'success' });
      }}
    />
  );
}
