// The one wrapper every JSON route goes through: auth, parsing, and the error shape.
import { z } from 'zod';
import { authorize, type Principal } from '@/lib/auth/principal';
import { AppError } from '@/lib/errors';
import { errorResponse, jsonResponse } from '@/lib/http/error-response';
import type { Operation } from '@/contracts/operation';
import { readBody } from '@/lib/http/read-body';
import { logger } from '@/lib/logger';
import { limitApiRequest, limitAuthFailure } from '@/lib/rate-limit/limit-api-request';
import { findUnstorableText } from '@/lib/text/storable-text';

type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;

export type HandlerInput<O extends Operation> = {
  request: Request;
  /** The authorized caller; null only on public operations. */
  principal: O['auth'] extends 'none' ? null : Principal;
  params: Infer<O['params']>;
  query: Infer<O['query']>;
  body: Infer<O['body']>;
};

type RouteContext = { params: Promise<Record<string, string | string[]>> };

const jsonBodyLimit = 256 * 1024;

export type RouteHandler = ((request: Request, context: RouteContext) => Promise<Response>) & { operation: Operation };

export function handle<O extends Operation>(operation: O, handler: (input: HandlerInput<O>) => Promise<unknown>): RouteHandler {
  const route = async (request: Request, context: RouteContext): Promise<Response> => {
    const response = await answer(request, context);
    // Credentials in the headers are redacted by the logger (lib/logger.ts).
    if (logger.isLevelEnabled('debug')) {
      logger.debug({ operation: operation.id, headers: Object.fromEntries(request.headers), status: response.status }, 'api request');
    }
    return response;
  };
  const answer = async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      const principal = await authorizeWithinLimits(request, operation.auth);
      const params = parse(operation.params, storable(await context.params, 'path parameters'), 'path parameters', 'not_found');
      const query = parse(
        operation.query,
        storable(Object.fromEntries(new URL(request.url).searchParams), 'query'),
        'query',
        'validation_failed',
      );
      const body = operation.body ? parse(operation.body, await readJson(request), 'body', 'validation_failed') : undefined;
      const result = await handler({ request, principal, params, query, body } as HandlerInput<O>);
      if (result instanceof Response) return result;
      return operation.status === 204 ? new Response(null, { status: 204 }) : jsonResponse(result, operation.status);
    } catch (error) {
      return errorResponse(error);
    }
  };
  return Object.assign(route, { operation });
}

/** The caller, counted against its API budget; refused credentials are counted against their source address. */
async function authorizeWithinLimits(request: Request, requirement: Operation['auth']): Promise<Principal | null> {
  let principal: Principal | null;
  try {
    principal = await authorize(request, requirement);
  } catch (error) {
    if (error instanceof AppError && error.code === 'unauthorized') await limitAuthFailure(request);
    throw error;
  }
  await limitApiRequest(principal);
  return principal;
}

async function readJson(request: Request): Promise<unknown> {
  const text = await readBody(request, jsonBodyLimit);
  if (text.trim() === '') throw new AppError('bad_request', 'Request body must be a JSON object');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError('bad_request', 'Request body is not valid JSON');
  }
  return storable(body, 'body');
}

/** Refuses, before any schema or database sees it, a string PostgreSQL could not store (a NUL character). */
function storable<T>(value: T, where: string): T {
  const path = findUnstorableText(value);
  if (path !== null) throw new AppError('bad_request', `Invalid ${where}: ${path} contains a NUL character`);
  return value;
}

function parse(schema: z.ZodType | undefined, value: unknown, where: string, code: 'not_found' | 'validation_failed') {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const summary = issues.map((issue) => `${issue.path || where}: ${issue.message}`).join('; ');
  throw new AppError(code, `Invalid ${where}: ${summary}`, code === 'validation_failed' ? { issues } : undefined);
}
