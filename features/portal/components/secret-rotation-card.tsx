'use client';

import { RefreshCwIcon } from 'lucide-react';
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
import { FormField } from '@/components/ui/form-field';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { Time } from '@/components/ui/time';
import { useRotateSecret } from '../api/developer-settings';
import { ShownOnce } from './shown-once';

const overlaps = [
  { seconds: 0, label: 'None: the old secret stops now' },
  { seconds: 3_600, label: '1 hour' },
  { seconds: 86_400, label: '24 hours' },
  { seconds: 7 * 86_400, label: '7 days' },
];

/**
 * A new webhook signing secret, shown once. During the overlap every webhook is signed with the old and the new secret
 * (two `v1,` signatures), so your verifier can switch to the new one without missing a webhook.
 */
export function SecretRotationCard({ merchantId, mayChange }: { merchantId: string; mayChange: boolean }) {
  const [overlap, setOverlap] = useState('86400');
  const [open, setOpen] = useState(false);
  const rotate = useRotateSecret(merchantId);
  const chosen = overlaps.find((item) => String(item.seconds) === overlap) ?? overlaps[2];
  return (
    <Card>
      <CardHeader>
        <CardTitle>Webhook signing secret</CardTitle>
        <CardDescription>
          Verify the <code className="font-mono text-xs">webhook-signature</code> header with it (any Standard Webhooks library). Rotate it
          with an overlap: until the overlap ends, webhooks carry a signature by the old secret and one by the new.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {rotate.data && (
          <ShownOnce
            label="Your new signing secret"
            value={rotate.data.webhookSecret}
            testId="new-webhook-secret"
            note={`The secrets before it keep signing until ${new Date(rotate.data.previousSecretsExpireAt).toISOString()}.`}
          />
        )}
        {rotate.data && (
          <p className="text-sm text-muted-foreground">
            Old secrets stop signing <Time value={rotate.data.previousSecretsExpireAt} />.
          </p>
        )}
        {rotate.error && (
          <Alert tone="danger">
            <AlertTitle>Not rotated</AlertTitle>
            <AlertDescription>{rotate.error.message}</AlertDescription>
          </Alert>
        )}
        {mayChange ? (
          <div className="flex flex-wrap items-end gap-3">
            <FormField label="Overlap" className="w-full sm:w-64">
              {(control) => (
                <Select value={overlap} onValueChange={setOverlap}>
                  <SelectTrigger {...control}>
                    <SelectValue />
                  </SelectTrigger>
                  <SelectContent>
                    {overlaps.map((item) => (
                      <SelectItem key={item.seconds} value={String(item.seconds)}>
                        {item.label}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
              )}
            </FormField>
            <AlertDialog open={open} onOpenChange={setOpen}>
              <AlertDialogTrigger asChild>
                <Button variant="outline">
                  <RefreshCwIcon aria-hidden />
                  Rotate secret
                </Button>
              </AlertDialogTrigger>
              <AlertDialogContent>
                <AlertDialogHeader>
                  <AlertDialogTitle>Rotate the signing secret?</AlertDialogTitle>
                  <AlertDialogDescription>
                    A new secret signs every webhook from now on; it is shown once. Overlap: {chosen.label.toLowerCase()}.
                  </AlertDialogDescription>
                </AlertDialogHeader>
                <AlertDialogFooter>
                  <AlertDialogCancel>Cancel</AlertDialogCancel>
                  <Button loading={rotate.isPending} onClick={() => rotate.mutate(chosen.seconds, { onSettled: () => setOpen(false) })}>
                    Rotate
                  </Button>
                </AlertDialogFooter>
              </AlertDialogContent>
            </AlertDialog>
          </div>
        ) : (
          <p className="text-sm text-muted-foreground">Developers and owners rotate the secret.</p>
        )}
      </CardContent>
    </Card>
  );
}
