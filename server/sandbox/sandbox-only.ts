import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/error-response';
import type { RouteHandler } from '@/lib/http/handle';

/** Whether this gateway runs the built-in sandbox provider (SANDBOX_ENABLED, on by default for the demo). */
export function sandboxEnabled(): boolean {
  return getEnv().SANDBOX_ENABLED;
}

export function sandboxOffError(): AppError {
  return new AppError('not_found', 'The sandbox provider is turned off on this gateway (SANDBOX_ENABLED=false)');
}

/**
 * A sandbox route that, with the sandbox turned off, answers 404 to everyone before anything else is looked at
 * (credentials included): in production the sandbox does not exist.
 */
export function sandboxOnly(route: RouteHandler): RouteHandler {
  const guarded = async (request: Request, context: Parameters<RouteHandler>[1]) =>
    sandboxEnabled() ? route(request, context) : errorResponse(sandboxOffError());
  return Object.assign(guarded, { operation: route.operation });
}
