'use client';

import { CircleCheckIcon, CircleXIcon } from 'lucide-react';
import type { z } from 'zod';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import type { testWebhookResultSchema } from '@/contracts/developer-settings';
import { formatDuration } from '@/lib/format/format-duration';

export type TestWebhookResult = z.output<typeof testWebhookResultSchema>;

/** What the endpoint answered a signed webhook.test: its status and latency, the start of its answer, or why none came. */
export function TestResult({ result }: { result: TestWebhookResult }) {
  const answer = result.statusCode === null ? 'no answer' : `HTTP ${result.statusCode}`;
  return (
    <Alert tone={result.ok ? 'success' : 'danger'} data-testid="test-webhook-result" data-ok={result.ok}>
      {result.ok ? <CircleCheckIcon aria-hidden /> : <CircleXIcon aria-hidden />}
      <AlertTitle>
        {result.ok ? 'Your endpoint acknowledged the test webhook' : 'Your endpoint did not acknowledge the test webhook'} ({answer} ·{' '}
        {formatDuration(result.durationMs)})
      </AlertTitle>
      <AlertDescription>
        <span className="break-all font-mono text-xs">
          {result.url} · webhook-id {result.webhookId}
        </span>
        {result.error && <span className="block">{result.error}</span>}
        {result.responseExcerpt && (
          <pre className="mt-1 max-h-40 overflow-auto whitespace-pre-wrap break-all rounded-md border bg-muted/40 p-2 font-mono text-xs">
            {result.responseExcerpt}
          </pre>
        )}
      </AlertDescription>
    </Alert>
  );
}
