import { OverviewPage } from '@/features/overview/components/overview-page';

export const metadata = { title: 'Overview' };

export default function Page() {
  return <OverviewPage />;
}
