import { ActivityIcon, BookOpenIcon, ShieldCheckIcon, WebhookIcon } from 'lucide-react';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { LiveEventsProvider } from '@/features/live/components/live-events-provider';
import { LiveIndicator } from '@/features/live/components/live-indicator';
import { HealthStatus } from '@/features/system/components/health-status';

export default function HomePage() {
  return (
    <main className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-10 sm:px-6 sm:py-16">
      <header className="flex flex-col gap-2">
        <p className="flex items-center gap-2 text-sm font-medium text-primary">
          <WebhookIcon aria-hidden className="size-4" />
          Payment notification gateway
        </p>
        <h1 className="text-3xl font-semibold tracking-tight">Paygate</h1>
        <p className="max-w-prose text-muted-foreground">
          Payment notifications from WeChat Pay, Alipay and the sandbox, stored durably and delivered to every merchant.
        </p>
      </header>
      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            <ShieldCheckIcon aria-hidden className="size-4 text-muted-foreground" />
            System
          </CardTitle>
          <CardDescription>Database and queues, checked every few seconds.</CardDescription>
        </CardHeader>
        <CardContent>
          <HealthStatus />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            <ActivityIcon aria-hidden className="size-4 text-muted-foreground" />
            Live view
          </CardTitle>
          <CardDescription>Payments, deliveries, alerts and merchants as they change, for signed-in people.</CardDescription>
        </CardHeader>
        <CardContent>
          <LiveEventsProvider>
            <LiveIndicator />
          </LiveEventsProvider>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            <BookOpenIcon aria-hidden className="size-4 text-muted-foreground" />
            API reference
          </CardTitle>
          <CardDescription>Every route, generated from the schemas the routes parse with.</CardDescription>
        </CardHeader>
        <CardContent>
          <a
            href="/api/openapi.json"
            className="rounded-sm font-mono text-sm text-primary underline-offset-4 hover:underline focus-visible:outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
          >
            /api/openapi.json
          </a>
        </CardContent>
      </Card>
    </main>
  );
}
