'use client';

import { SendIcon } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { toast } from '@/components/ui/use-toast';
import { ApiError } from '@/lib/api-client/request-operation';
import { useSaveNotifyUrl, useSendTestWebhook } from '../api/developer-settings';
import { TestResult } from './test-result';

type NotifyUrlCardProps = { merchantId: string; notifyUrl: string; mayChange: boolean };

/**
 * The notify URL: "Send test webhook" shows what an endpoint answers a signed webhook.test; "Save" sends one too and
 * saves only when it is acknowledged (the API answers 422 notify_url_test_failed otherwise, shown here as it says).
 */
export function NotifyUrlCard({ merchantId, notifyUrl, mayChange }: NotifyUrlCardProps) {
  const [url, setUrl] = useState(notifyUrl);
  const test = useSendTestWebhook(merchantId);
  const save = useSaveNotifyUrl(merchantId);
  const changed = url.trim() !== notifyUrl;
  const saveError = save.error;
  const failedTest = saveError instanceof ApiError && saveError.code === 'notify_url_test_failed';
  const fieldError = saveError instanceof ApiError && saveError.code === 'validation_failed' ? saveError.message : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    test.reset();
    save.mutate(url.trim(), {
      onSuccess: (merchant) => {
        setUrl(merchant.notifyUrl);
        toast({
          title: 'Notify URL saved',
          description: 'It acknowledged a signed test webhook; webhooks go there from now on.',
          tone: 'success',
        });
      },
    });
  };
  return (
    <Card>
      <CardHeader>
        <CardTitle>Notify URL</CardTitle>
        <CardDescription>
          Where we POST your webhooks, signed with Standard Webhooks. A new URL is saved only after it answers a signed test webhook with
          2xx.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <form className="flex flex-col gap-4" onSubmit={submit}>
          <FormField label="Notify URL" error={fieldError}>
            <Input
              type="url"
              inputMode="url"
              value={url}
              onChange={(event) => {
                setUrl(event.target.value);
                save.reset();
              }}
              readOnly={!mayChange}
              required
              spellCheck={false}
              autoComplete="off"
              className="font-mono text-sm"
            />
          </FormField>
          {failedTest && (
            <Alert tone="danger" data-testid="notify-url-not-saved">
              <AlertTitle>Not saved: the test webhook was not acknowledged</AlertTitle>
              <AlertDescription>{saveError.message}. Your webhooks still go to the URL saved before.</AlertDescription>
            </Alert>
          )}
          {saveError && !failedTest && !fieldError && (
            <Alert tone="danger">
              <AlertTitle>Not saved</AlertTitle>
              <AlertDescription>{saveError.message}</AlertDescription>
            </Alert>
          )}
          {test.data && <TestResult result={test.data} />}
          {test.error && (
            <Alert tone="danger">
              <AlertTitle>The test could not be sent</AlertTitle>
              <AlertDescription>{test.error.message}</AlertDescription>
            </Alert>
          )}
          {mayChange ? (
            <div className="flex flex-wrap gap-2">
              <Button type="submit" disabled={!changed} loading={save.isPending}>
                Save
              </Button>
              <Button
                type="button"
                variant="outline"
                loading={test.isPending}
                onClick={() => {
                  save.reset();
                  test.mutate(url.trim() === '' ? undefined : url.trim());
                }}
              >
                {!test.isPending && <SendIcon aria-hidden />}
                Send test webhook
              </Button>
            </div>
          ) : (
            <p className="text-sm text-muted-foreground" data-testid="read-only-note">
              Your role can read these settings; developers and owners change them.
            </p>
          )}
        </form>
      </CardContent>
    </Card>
  );
}
