import { RulesPage } from '@/features/console-risk/rules/components/rules-page';

export const metadata = { title: 'Rules · Paygate' };

export default function RiskRulesPage() {
  return <RulesPage />;
}
