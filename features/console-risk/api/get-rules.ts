import { queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { listRiskRulesOperation } from '@/contracts/risk';
import { requestOperation } from '@/lib/api-client/request-operation';

export type RiskRule = z.output<typeof listRiskRulesOperation.response>['items'][number];

export const rulesQueryOptions = queryOptions({
  queryKey: ['risk-rules'],
  queryFn: ({ signal }) => requestOperation(listRiskRulesOperation, { signal }),
  staleTime: 30_000,
});

/** Every rule; the alert queue uses it for rule names, the Rules page to edit them. */
export function useRules({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...rulesQueryOptions, enabled });
}
