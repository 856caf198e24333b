import { AlertDetail } from '@/features/console-risk/alerts/components/alert-detail';

export const metadata = { title: 'Alert · Paygate' };

export default async function AlertPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <AlertDetail alertId={id} />;
}
