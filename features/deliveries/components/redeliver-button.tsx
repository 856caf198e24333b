'use client';

import { RotateCwIcon } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/use-toast';
import { useRedeliver } from '../api/redeliver';

/** Sends one delivery again now. A pending one is already on its way (the API answers 409), so it is not offered. */
export function RedeliverButton({ id, status, size = 'sm' }: { id: string; status: string; size?: 'sm' | 'default' }) {
  const redeliver = useRedeliver();
  if (status === 'pending') return null;
  return (
    <Button
      variant="outline"
      size={size}
      loading={redeliver.isPending}
      onClick={() =>
        redeliver.mutate(id, {
          onSuccess: () => toast({ title: 'Sent again', description: 'The delivery is queued for its next attempt now.', tone: 'success' }),
          onError: (error) => toast({ title: 'Could not redeliver', description: error.message, tone: 'danger' }),
        })
      }
    >
      {!redeliver.isPending && <RotateCwIcon aria-hidden />}
      Redeliver
    </Button>
  );
}
