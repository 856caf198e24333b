// /console/notifications/{id}: one provider notification as received, with its verdict (staff).
import { NotificationDetailPage } from '@/features/notifications/components/notification-detail-page';

export const metadata = { title: 'Notification' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <NotificationDetailPage id={id} />;
}
