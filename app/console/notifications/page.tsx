// /console/notifications: the provider inbox with its filters in the URL (staff).
import { Suspense } from 'react';
import { NotificationsPage } from '@/features/notifications/components/notifications-page';

export const metadata = { title: 'Notifications' };

export default function Page() {
  return (
    <Suspense>
      <NotificationsPage />
    </Suspense>
  );
}
