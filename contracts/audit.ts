// The append-only audit trail (DESIGN §3, §8 Audit): who did what, to what, when, why, before → after. Staff read it;
// every person's action, the admin token's and merchant API keys' alike, and the risk engine's automatic blocks.
import { z } from 'zod';
import { defineOperation } from '@/contracts/operation';
import { cursorParam, isoInstantParam, limitParam } from '@/contracts/list-params';

/** The actions the system records, for the console's filter; the trail itself is open to new ones. */
export const auditActions = [
  'merchant.block',
  'merchant.unblock',
  'merchant.update',
  'merchant.rotate_secret',
  'merchant.regenerate_api_key',
  'risk_alert.decide',
  'risk_rule.create',
  'risk_rule.update',
  'risk_rule.enable',
  'risk_rule.disable',
  'delivery.redeliver',
  'delivery.redeliver_matching',
  'user.create',
  'user.change_role',
  'user.remove',
] as const;

/** What an audit row is about; its id is that row's id (or `all` for a redelivery across every merchant). */
export const auditSubjectTypes = ['merchant', 'risk_alert', 'risk_rule', 'delivery', 'deliveries', 'payment', 'user'] as const;

const token = (what: string, pattern: RegExp, example: string) => z.string().max(200).regex(pattern, `${what} must look like ${example}`);

export const auditEventSchema = z.object({
  id: z.uuid(),
  actor: z.string().describe('user:<email> for a signed-in person, token:admin, api-key:<prefix>, or risk-engine'),
  action: z.string().describe('<subject>.<verb>, e.g. merchant.block'),
  subjectType: z.string(),
  subjectId: z.string(),
  merchantId: z.uuid().nullable().describe('The merchant the action concerns, when it concerns one'),
  reason: z.string().nullable(),
  before: z.unknown().describe('The fields the action changed, as they were (null when it created something)'),
  after: z.unknown().describe('The same fields as the action left them'),
  createdAt: z.string(),
});

export const listAuditEventsQuerySchema = z
  .object({
    actor: token('actor', /^\S+$/, 'user:ana@example.com, token:admin or api-key:mk_ab12 (no spaces)')
      .optional()
      .describe('Exactly as recorded: user:<email>, token:admin, api-key:<prefix>, risk-engine'),
    action: token('action', /^[a-z_]+\.[a-z_]+$/, 'merchant.block').optional(),
    merchantId: z.uuid().optional(),
    subjectType: token('subjectType', /^[a-z_]+$/, 'merchant').optional(),
    subjectId: z.string().trim().min(1).max(100).optional().describe('Needs subjectType'),
    since: isoInstantParam.optional().describe('At or after'),
    until: isoInstantParam.optional().describe('Before'),
    limit: limitParam,
    cursor: cursorParam,
  })
  .refine((q) => q.subjectId === undefined || q.subjectType !== undefined, {
    message: 'subjectId needs subjectType',
    path: ['subjectId'],
  })
  .refine((q) => q.since === undefined || q.until === undefined || new Date(q.since) < new Date(q.until), {
    message: 'since must be before until',
    path: ['since'],
  });

export const auditEventListSchema = z.object({ items: z.array(auditEventSchema), nextCursor: z.string().nullable() });

export const listAuditEventsOperation = defineOperation({
  id: 'listAuditEvents',
  method: 'GET',
  path: '/api/audit',
  summary: 'The audit trail, newest first: filter by actor, action, merchant, subject (type and id) and time; keyset pagination by cursor',
  tag: 'audit',
  auth: { staff: 'read' },
  query: listAuditEventsQuerySchema,
  status: 200,
  response: auditEventListSchema,
  errors: [401, 403, 422, 429],
});
