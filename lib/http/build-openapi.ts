import { z } from 'zod';
import type { Access, Operation } from '@/contracts/operation';
import { errorBodySchema } from '@/contracts/common';

const statusText: Record<number, string> = {
  400: 'Malformed request',
  401: 'Missing or invalid credentials or signature',
  403: 'Forbidden (or merchant_blocked)',
  404: 'Not found',
  409: 'Conflict',
  413: 'Body too large',
  422: 'Validation failed',
  429: 'Too many requests',
  503: 'Not ready',
};

// A bare media type (e.g. text/event-stream) is documented as the response's content; prose stays a description.
const mediaType = /^[\w.+-]+\/[\w.+-]+$/;

const json = (schema: z.ZodType, io: 'input' | 'output') => ({ schema: z.toJSONSchema(schema, { io, unrepresentable: 'any' }) });

/** Builds the OpenAPI 3.1 document from the same zod schemas the routes parse with. */
export function buildOpenApi(operations: Operation[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const parameters = [
      ...shapeKeys(op.params).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
      ...shapeKeys(op.query).map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } })),
    ];
    const requestBody = op.body
      ? { required: true, content: { 'application/json': json(op.body, 'input') } }
      : op.rawBody
        ? { required: true, content: Object.fromEntries(op.rawBody.contentTypes.map((type) => [type, { schema: { type: 'string' } }])) }
        : undefined;
    const alternatives = Object.fromEntries((op.alsoAnswers ?? []).map((type) => [type, { schema: { type: 'string' } }]));
    const success = op.response
      ? { description: op.summary, content: { 'application/json': json(op.response, 'output'), ...alternatives } }
      : op.responseContentType && mediaType.test(op.responseContentType)
        ? { description: op.summary, content: { [op.responseContentType]: { schema: { type: 'string' } } } }
        : { description: op.responseContentType ?? op.summary };
    const errors = Object.fromEntries(
      op.errors.map((status) => [
        String(status),
        { description: statusText[status] ?? 'Error', content: { 'application/json': json(errorBodySchema, 'output') } },
      ]),
    );
    paths[op.path] ??= {};
    paths[op.path][op.method.toLowerCase()] = {
      operationId: op.id,
      summary: op.summary,
      tags: [op.tag],
      security: op.auth === 'none' ? [] : [{ bearer: [] }, { session: [] }],
      ...(op.auth === 'none' ? {} : { description: describeAccess(op.auth), 'x-access': op.auth }),
      ...(parameters.length ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses: { [String(op.status)]: success, ...errors },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Payment notification gateway', version: '1.0.0' },
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'ADMIN_API_TOKEN (an admin) or a merchant API key (a developer of its merchant)',
        },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'better-auth.session_token',
          description: 'A signed-in person (POST /api/auth/sign-in/email)',
        },
      },
    },
    paths,
  };
}

const staffWho = { read: 'analysts and admins', decide: 'analysts and admins', admin: 'admins and the admin token' } as const;
const merchantWho = {
  read: "any of the merchant's users and its API key",
  developer: "the merchant's owners and developers, and its API key",
  owner: "the merchant's owners",
} as const;

/** Who may call, in words, from the operation's declared access. */
function describeAccess(access: Exclude<Access, 'none'>): string {
  const who = [
    access.staff && `staff: ${staffWho[access.staff]}`,
    access.merchant && `merchant: ${merchantWho[access.merchant]}, own merchant only`,
  ];
  return `Allowed for ${who.filter(Boolean).join('; ')}.`;
}

function shapeKeys(schema: z.ZodType | undefined): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}
