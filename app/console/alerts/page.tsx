import { Suspense } from 'react';
import { AlertQueue } from '@/features/console-risk/alerts/components/alert-queue';

export const metadata = { title: 'Alerts · Paygate' };

export default function AlertsPage() {
  return (
    <Suspense>
      <AlertQueue />
    </Suspense>
  );
}
