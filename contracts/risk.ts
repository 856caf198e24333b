import { z } from 'zod';
import { defineOperation } from '@/contracts/operation';
import { idParamsSchema, instantSchema } from '@/contracts/common';
import { ruleDefinitionSchema } from '@/contracts/risk-rules';

const ruleKind = z.enum(['window_amount', 'velocity', 'single_outsized', 'repeated_payer']);
const riskAction = z.enum(['alert', 'block']);
const alertStatus = z.enum(['open', 'acknowledged', 'blocked', 'dismissed']);
const ruleName = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'name must be 2–63 characters of a-z, 0-9 and -');
const isoTime = instantSchema;

export const riskRuleSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: ruleKind,
  params: z.record(z.string(), z.unknown()),
  enabled: z.boolean(),
  action: riskAction,
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const createRiskRuleBodySchema = z.intersection(
  ruleDefinitionSchema,
  z.object({ name: ruleName, action: riskAction.default('alert'), enabled: z.boolean().default(true) }),
);

export const updateRiskRuleBodySchema = z
  .strictObject({
    name: ruleName.optional(),
    params: z.record(z.string(), z.unknown()).optional(),
    action: riskAction.optional(),
    enabled: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'give at least one of name, params, action, enabled');

export const riskAlertSchema = z.object({
  id: z.uuid(),
  merchantId: z.uuid().nullable(),
  ruleId: z.uuid().nullable(),
  kind: z.string().describe('The rule kind, or unknown_payment / amount_mismatch for alerts raised by intake'),
  status: alertStatus,
  evidence: z.record(z.string(), z.unknown()),
  paymentId: z.uuid().nullable().describe('The payment that crossed the threshold'),
  hitCount: z.number().int(),
  firstEventAt: z.string().nullable(),
  lastEventAt: z.string().nullable(),
  openedAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decisionReason: z.string().nullable(),
});

export const listRiskAlertsQuerySchema = z.object({
  status: alertStatus.optional(),
  merchantId: z.uuid().optional(),
  ruleId: z.uuid().optional(),
  kind: z.string().max(40).optional(),
  since: isoTime.optional(),
  until: isoTime.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

/** Who decided is the caller (its session, the admin token): a body naming a person is refused as an unknown field. */
export const decideRiskAlertBodySchema = z.strictObject({
  decision: z.enum(['acknowledged', 'blocked', 'dismissed']).describe('blocked also blocks the merchant (if not blocked already)'),
  reason: z.string().trim().min(3, 'reason must say why').max(500),
});

export const riskAlertDecisionSchema = z.object({
  fromStatus: alertStatus,
  decision: alertStatus,
  actor: z.string().describe('Who decided: user:<email>, token:admin, or risk-engine for an automatic block'),
  reason: z.string(),
  createdAt: z.string(),
});

export const riskAlertDetailSchema = riskAlertSchema.extend({
  decisions: z.array(riskAlertDecisionSchema).describe('Every decision on the alert, oldest first; none is ever overwritten'),
});

export const backtestBodySchema = z
  .strictObject({
    ruleId: z.uuid().optional(),
    rule: ruleDefinitionSchema.optional().describe('A proposed rule, not stored'),
    from: isoTime,
    to: isoTime,
    merchantId: z.uuid().optional(),
  })
  .refine((body) => (body.ruleId === undefined) !== (body.rule === undefined), 'give exactly one of ruleId and rule')
  .refine((body) => new Date(body.from) < new Date(body.to), 'from must be before to')
  .refine((body) => new Date(body.to).getTime() - new Date(body.from).getTime() <= 31 * 86_400_000, 'the range is at most 31 days');

export const backtestResultSchema = z.object({
  rule: z.object({ kind: ruleKind, params: z.record(z.string(), z.unknown()) }),
  from: z.string(),
  to: z.string(),
  paymentsEvaluated: z.number().int(),
  hits: z.number().int().describe('Payments on which the rule fired'),
  alerts: z
    .array(
      z.object({
        merchantId: z.uuid(),
        paymentId: z.uuid(),
        eventAt: z.string(),
        hitCount: z.number().int(),
        evidence: z.record(z.string(), z.unknown()),
      }),
    )
    .describe('The alerts it would have opened: one per merchant while open, with the hits folded into it'),
});

const ruleErrors = [400, 401, 403, 404, 409, 422, 429];

export const listRiskRulesOperation = defineOperation({
  id: 'listRiskRules',
  method: 'GET',
  path: '/api/risk/rules',
  summary: 'Every risk rule, enabled or not',
  tag: 'risk',
  auth: { staff: 'read' },
  status: 200,
  response: z.object({ items: z.array(riskRuleSchema) }),
  errors: [401, 403, 429],
});

export const createRiskRuleOperation = defineOperation({
  id: 'createRiskRule',
  method: 'POST',
  path: '/api/risk/rules',
  summary: 'Create a rule: kind, its params, action alert or block',
  tag: 'risk',
  auth: { staff: 'admin' },
  body: createRiskRuleBodySchema,
  status: 201,
  response: riskRuleSchema,
  errors: ruleErrors,
});

export const updateRiskRuleOperation = defineOperation({
  id: 'updateRiskRule',
  method: 'PATCH',
  path: '/api/risk/rules/{id}',
  summary: 'Change a rule’s name, params (checked against its kind), action or enabled',
  tag: 'risk',
  auth: { staff: 'admin' },
  params: idParamsSchema,
  body: updateRiskRuleBodySchema,
  status: 200,
  response: riskRuleSchema,
  errors: ruleErrors,
});

export const enableRiskRuleOperation = defineOperation({
  id: 'enableRiskRule',
  method: 'POST',
  path: '/api/risk/rules/{id}/enable',
  summary: 'Enable a rule',
  tag: 'risk',
  auth: { staff: 'admin' },
  params: idParamsSchema,
  status: 200,
  response: riskRuleSchema,
  errors: [401, 403, 404, 429],
});

export const disableRiskRuleOperation = defineOperation({
  id: 'disableRiskRule',
  method: 'POST',
  path: '/api/risk/rules/{id}/disable',
  summary: 'Disable a rule',
  tag: 'risk',
  auth: { staff: 'admin' },
  params: idParamsSchema,
  status: 200,
  response: riskRuleSchema,
  errors: [401, 403, 404, 429],
});

export const listRiskAlertsOperation = defineOperation({
  id: 'listRiskAlerts',
  method: 'GET',
  path: '/api/risk/alerts',
  summary: 'Alerts, newest first; filter by status, merchant, rule, kind and time; keyset pagination by cursor',
  tag: 'risk',
  auth: { staff: 'read' },
  query: listRiskAlertsQuerySchema,
  status: 200,
  response: z.object({ items: z.array(riskAlertSchema), nextCursor: z.string().nullable() }),
  errors: [401, 403, 422, 429],
});

export const getRiskAlertOperation = defineOperation({
  id: 'getRiskAlert',
  method: 'GET',
  path: '/api/risk/alerts/{id}',
  summary: 'One alert with its evidence and the history of its decisions',
  tag: 'risk',
  auth: { staff: 'read' },
  params: idParamsSchema,
  status: 200,
  response: riskAlertDetailSchema,
  errors: [401, 403, 404, 429],
});

export const decideRiskAlertOperation = defineOperation({
  id: 'decideRiskAlert',
  method: 'POST',
  path: '/api/risk/alerts/{id}/decision',
  summary:
    'Decide an open alert: acknowledged (watching), blocked (blocks the merchant) or dismissed, with a reason; recorded with the caller',
  tag: 'risk',
  auth: { staff: 'decide' },
  params: idParamsSchema,
  body: decideRiskAlertBodySchema,
  status: 200,
  response: riskAlertDetailSchema,
  errors: [400, 401, 403, 404, 409, 422, 429],
});

export const backtestRiskRuleOperation = defineOperation({
  id: 'backtestRiskRule',
  method: 'POST',
  path: '/api/risk/backtest',
  summary: 'Run a stored or proposed rule over past payments and report the alerts it would have raised; changes nothing',
  tag: 'risk',
  auth: { staff: 'admin' },
  body: backtestBodySchema,
  status: 200,
  response: backtestResultSchema,
  errors: [400, 401, 403, 404, 422, 429],
});
