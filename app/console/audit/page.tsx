// /console/audit: the audit trail with its filters in the URL (staff).
import { Suspense } from 'react';
import { AuditPage } from '@/features/audit/components/audit-page';

export const metadata = { title: 'Audit' };

export default function Page() {
  return (
    <Suspense>
      <AuditPage />
    </Suspense>
  );
}
