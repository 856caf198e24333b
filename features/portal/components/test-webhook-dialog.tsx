'use client';

import { SendIcon } from 'lucide-react';
import { useState } from 'react';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { useSendTestWebhook } from '../api/developer-settings';
import { TestResult } from './test-result';

/** "Send test webhook": one signed webhook.test to the saved notify URL, and what it answered (not a delivery, not retried). */
export function TestWebhookDialog({ merchantId }: { merchantId: string }) {
  const [open, setOpen] = useState(false);
  const test = useSendTestWebhook(merchantId);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) test.mutate(undefined);
        else test.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" data-testid="send-test-webhook">
          <SendIcon aria-hidden />
          Send test webhook
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Test webhook</DialogTitle>
          <DialogDescription>A signed webhook.test event, sent once to your saved notify URL.</DialogDescription>
        </DialogHeader>
        {test.isPending && <p className="text-sm text-muted-foreground">Sending…</p>}
        {test.data && <TestResult result={test.data} />}
        {test.error && (
          <Alert tone="danger">
            <AlertTitle>The test could not be sent</AlertTitle>
            <AlertDescription>{test.error.message}</AlertDescription>
          </Alert>
        )}
        <DialogFooter>
          <Button variant="outline" loading={test.isPending} onClick={() => test.mutate(undefined)}>
            Send again
          </Button>
          <Button onClick={() => setOpen(false)}>Close</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
