'use client';

import { SendIcon } from 'lucide-react';
import { useState } from 'react';
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from '@/components/ui/alert-dialog';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { toast } from '@/components/ui/use-toast';
import { formatCount } from '@/lib/format/format-number';
import { formatStatus } from '@/lib/format/format-status';
import { useDeliveryCount } from '../api/count-deliveries';
import { useRedeliverAll } from '../api/redeliver';
import { bulkRedeliverBodyFor, type DeliveryListQuery } from '../delivery-filters';

const plural = (count: number) => `${formatCount(count)} ${count === 1 ? 'delivery' : 'deliveries'}`;

/**
 * "Redeliver all matching": the count of what the visible filter matches comes first, in the dialog, and the button
 * that sends them names that count. Offered for the dead letters and for delivered ones, which a bulk call can match.
 */
export function RedeliverAllDialog({ query }: { query: DeliveryListQuery }) {
  const [open, setOpen] = useState(false);
  const body = bulkRedeliverBodyFor(query);
  const count = useDeliveryCount(query, { enabled: open && body !== null });
  const redeliverAll = useRedeliverAll();
  if (!body)
    return (
      <Button variant="outline" disabled title="Filter by Failed (the dead letters) or Delivered first">
        <SendIcon aria-hidden />
        Redeliver all matching
      </Button>
    );
  const counted = count.data;
  const matching = counted?.count;
  const what = formatStatus(body.status).toLowerCase();
  return (
    <AlertDialog open={open} onOpenChange={setOpen}>
      <AlertDialogTrigger asChild>
        <Button variant="outline" data-testid="redeliver-all">
          <SendIcon aria-hidden />
          Redeliver all matching
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent data-testid="redeliver-all-dialog">
        <AlertDialogHeader>
          <AlertDialogTitle>Redeliver all matching deliveries?</AlertDialogTitle>
          <AlertDialogDescription asChild>
            <div className="flex flex-col gap-2">
              {count.isError ? (
                <span className="text-destructive">The count could not be loaded: {count.error.message}</span>
              ) : !counted ? (
                <Skeleton className="h-5 w-64" />
              ) : (
                <span data-testid="redeliver-all-count">
                  {counted.capped
                    ? `More than ${formatCount(counted.cap)} ${what} deliveries match; this sends the oldest ${formatCount(counted.cap)}. Run it again for the rest.`
                    : `${plural(counted.count)} (${what}) match the filter and will be sent again now, each with a fresh retry schedule.`}
                </span>
              )}
              <span>Merchants receive them with the same webhook-id as before, so they can ignore repeats.</span>
            </div>
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <Button
            disabled={!matching}
            loading={redeliverAll.isPending}
            onClick={() =>
              redeliverAll.mutate(body, {
                onSuccess: (result) => {
                  setOpen(false);
                  toast({ title: `${plural(result.redelivered)} sent again`, tone: 'success' });
                },
                onError: (error) => toast({ title: 'Could not redeliver', description: error.message, tone: 'danger' }),
              })
            }
          >
            {counted ? `Redeliver ${plural(Math.min(counted.count, counted.cap))}` : 'Redeliver'}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
