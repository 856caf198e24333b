'use client';

import { LifeBuoyIcon } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Skeleton } from '@/components/ui/skeleton';
import { useBusinessTimeZone } from '@/components/ui/business-time-zone';
import { toast } from '@/components/ui/use-toast';
import { formatDateTime } from '@/lib/format/format-date-time';
import { formatCount } from '@/lib/format/format-number';
import { zonedTimeToInstant } from '@/lib/format/zoned-time-to-instant';
import { useDeliveryCount } from '@/features/deliveries/api/count-deliveries';
import { useRedeliverAll } from '@/features/deliveries/api/redeliver';

const plural = (count: number) => `${formatCount(count)} ${count === 1 ? 'webhook' : 'webhooks'}`;

/**
 * "Recover failed since…": after an outage on your side, every webhook that ran out of retries since a time you type
 * (on the business clock) is sent again, each with a fresh retry schedule. The count comes first.
 */
export function RecoverSinceDialog() {
  const timeZone = useBusinessTimeZone();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(() => formatDateTime(new Date(Date.now() - 86_400_000), timeZone, 'minute').replace(' ', 'T'));
  const since = zonedTimeToInstant(text, timeZone);
  const query = { status: 'failed', ...(since ? { since: since.toISOString() } : {}) };
  const count = useDeliveryCount(query, { enabled: open && since !== null });
  const recover = useRedeliverAll();
  const counted = count.data;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" data-testid="recover-since">
          <LifeBuoyIcon aria-hidden />
          Recover failed since…
        </Button>
      </DialogTrigger>
      <DialogContent data-testid="recover-since-dialog">
        <DialogHeader>
          <DialogTitle>Recover failed webhooks</DialogTitle>
          <DialogDescription>
            Every webhook that ran out of retries since this time is sent again now, with the same webhook-id as before.
          </DialogDescription>
        </DialogHeader>
        <FormField label={`Failed since (${timeZone})`} error={since === null ? 'Give a date and time' : undefined}>
          <Input type="datetime-local" value={text} onChange={(event) => setText(event.target.value)} />
        </FormField>
        <p className="text-sm" data-testid="recover-since-count">
          {since === null ? null : count.isError ? (
            <span className="text-destructive">The count could not be loaded: {count.error.message}</span>
          ) : !counted ? (
            <Skeleton className="h-5 w-48" />
          ) : counted.capped ? (
            `More than ${formatCount(counted.cap)} match; this sends the oldest ${formatCount(counted.cap)}. Run it again for the rest.`
          ) : (
            `${plural(counted.count)} failed since then.`
          )}
        </p>
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button
            disabled={!since || !counted?.count}
            loading={recover.isPending}
            onClick={() =>
              since &&
              recover.mutate(
                { status: 'failed', since: since.toISOString() },
                {
                  onSuccess: (result) => {
                    setOpen(false);
                    toast({ title: `${plural(result.redelivered)} sent again`, tone: 'success' });
                  },
                  onError: (error) => toast({ title: 'Could not recover', description: error.message, tone: 'danger' }),
                },
              )
            }
          >
            {counted ? `Send ${plural(Math.min(counted.count, counted.cap))} again` : 'Send again'}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
