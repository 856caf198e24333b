// /portal/settlements/{id}: one settlement row and the ledger entries that make it.
import { requirePageUser } from '@/app/_auth/require-page-user';
import { SettlementDetailPage } from '@/features/settlements/components/settlement-detail-page';

export const metadata = { title: 'Settlement' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageUser({ audience: 'merchant', path: `/portal/settlements/${encodeURIComponent(id)}` });
  return <SettlementDetailPage id={id} audience="merchant" />;
}
