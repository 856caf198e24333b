import { useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { listRiskAlertsOperation } from '@/contracts/risk';
import { keysetQueryOptions } from './keyset-query';

export type AlertFilters = { status?: string; kind?: string; merchantId?: string; ruleId?: string; since?: string; until?: string };
export type RiskAlert = z.output<typeof listRiskAlertsOperation.response>['items'][number];

/** The alert queue, newest first, as the filters say. */
export function useAlerts(filters: AlertFilters, limit = 50) {
  return useInfiniteQuery(keysetQueryOptions(['alerts', filters, limit], listRiskAlertsOperation, { ...filters, limit }));
}
