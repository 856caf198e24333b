'use client';

import { KeyRoundIcon } from 'lucide-react';
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
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { DetailList } from '@/components/ui/detail-list';
import { useRegenerateApiKey } from '../api/developer-settings';
import { ShownOnce } from './shown-once';

/** The merchant API key: only its prefix is known after it is made; a new one is shown once and the old stops at once. */
export function ApiKeyCard({ merchantId, apiKeyPrefix, mayChange }: { merchantId: string; apiKeyPrefix: string; mayChange: boolean }) {
  const [open, setOpen] = useState(false);
  const regenerate = useRegenerateApiKey(merchantId);
  return (
    <Card>
      <CardHeader>
        <CardTitle>API key</CardTitle>
        <CardDescription>
          Your server sends it as <code className="font-mono text-xs">Authorization: Bearer …</code> to place payments and read them. We
          keep only a hash of it.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <DetailList items={[{ label: 'Current key', value: <code className="font-mono text-xs">{apiKeyPrefix}…</code> }]} />
        {regenerate.data && (
          <ShownOnce
            label="Your new API key"
            value={regenerate.data.apiKey}
            testId="new-api-key"
            note="The key before it no longer works. Put this one in your server's configuration now."
          />
        )}
        {regenerate.error && (
          <Alert tone="danger">
            <AlertTitle>No new key</AlertTitle>
            <AlertDescription>{regenerate.error.message}</AlertDescription>
          </Alert>
        )}
        {mayChange ? (
          <AlertDialog open={open} onOpenChange={setOpen}>
            <AlertDialogTrigger asChild>
              <Button variant="outline" className="self-start">
                <KeyRoundIcon aria-hidden />
                Regenerate API key
              </Button>
            </AlertDialogTrigger>
            <AlertDialogContent>
              <AlertDialogHeader>
                <AlertDialogTitle>Regenerate the API key?</AlertDialogTitle>
                <AlertDialogDescription>
                  The current key ({apiKeyPrefix}…) stops working at once: requests your server makes with it are refused until it uses the
                  new key, which is shown once.
                </AlertDialogDescription>
              </AlertDialogHeader>
              <AlertDialogFooter>
                <AlertDialogCancel>Cancel</AlertDialogCancel>
                <Button
                  variant="destructive"
                  loading={regenerate.isPending}
                  onClick={() => regenerate.mutate(undefined, { onSettled: () => setOpen(false) })}
                >
                  Regenerate
                </Button>
              </AlertDialogFooter>
            </AlertDialogContent>
          </AlertDialog>
        ) : (
          <p className="text-sm text-muted-foreground">Developers and owners regenerate the key.</p>
        )}
      </CardContent>
    </Card>
  );
}
