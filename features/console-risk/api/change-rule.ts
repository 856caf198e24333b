import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  backtestRiskRuleOperation,
  createRiskRuleOperation,
  disableRiskRuleOperation,
  enableRiskRuleOperation,
  updateRiskRuleOperation,
  type updateRiskRuleBodySchema,
} from '@/contracts/risk';
import { requestOperation } from '@/lib/api-client/request-operation';

type RuleChange =
  { ruleId: string; change: 'update'; body: z.input<typeof updateRiskRuleBodySchema> } | { ruleId: string; change: 'enable' | 'disable' };

/** Edit, enable or disable a stored rule; the list refetches after. */
export function useChangeRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RuleChange) => {
      const params = { id: input.ruleId };
      if (input.change === 'update') return requestOperation(updateRiskRuleOperation, { params, body: input.body });
      return requestOperation(input.change === 'enable' ? enableRiskRuleOperation : disableRiskRuleOperation, { params });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['risk-rules'] }),
  });
}

export function useCreateRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof createRiskRuleOperation.body>) => requestOperation(createRiskRuleOperation, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['risk-rules'] }),
  });
}

/** Runs a stored or proposed rule over a past range; nothing changes. */
export function useBacktest() {
  return useMutation({
    mutationFn: (body: z.input<typeof backtestRiskRuleOperation.body>) => requestOperation(backtestRiskRuleOperation, { body }),
  });
}
