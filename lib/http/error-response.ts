import { AppError, isAppError, retryAfterOf } from '@/lib/errors';
import { logger } from '@/lib/logger';

export function jsonResponse(body: unknown, status = 200, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/** Maps any thrown value to the one error shape; details of our own faults go only to the log. */
export function errorResponse(error: unknown): Response {
  if (isAppError(error)) {
    const body: { code: string; message: string; details?: unknown } = { code: error.code, message: error.message };
    if (error.details !== undefined) body.details = error.details;
    const retryAfter = retryAfterOf(error);
    return jsonResponse({ error: body }, error.status, retryAfter === null ? undefined : { 'retry-after': String(retryAfter) });
  }
  logger.error({ err: error }, 'unhandled error');
  return jsonResponse({ error: { code: 'internal', message: 'Internal error' } }, 500);
}

export function toAppError(error: unknown): AppError {
  return isAppError(error) ? error : new AppError('internal', 'Internal error');
}
