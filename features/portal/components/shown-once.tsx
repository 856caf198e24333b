'use client';

import { CopyIcon, KeyRoundIcon } from 'lucide-react';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/use-toast';

/** A new secret or key, shown this once (the server keeps no readable copy of a key): copy it now. */
export function ShownOnce({ label, value, note, testId }: { label: string; value: string; note?: string; testId: string }) {
  return (
    <Alert tone="warning" data-testid={testId}>
      <KeyRoundIcon aria-hidden />
      <AlertTitle>{label}: shown once, copy it now</AlertTitle>
      <AlertDescription className="flex flex-col gap-2">
        <code className="block break-all rounded-md border bg-muted/40 p-2 font-mono text-xs" data-testid={`${testId}-value`}>
          {value}
        </code>
        {note && <span>{note}</span>}
        <Button
          variant="outline"
          size="sm"
          className="self-start"
          onClick={() =>
            navigator.clipboard.writeText(value).then(
              () => toast({ title: 'Copied', tone: 'success' }),
              () => toast({ title: 'Could not copy: select the text and copy it', tone: 'danger' }),
            )
          }
        >
          <CopyIcon aria-hidden />
          Copy
        </Button>
      </AlertDescription>
    </Alert>
  );
}
