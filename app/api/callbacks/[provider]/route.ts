// POST /api/callbacks/{provider}: raw body → verify → parse → record + enqueue → answer in the provider's format.
import { getPrisma } from '@/lib/db/prisma';
import { getEnv } from '@/lib/env';
import { retryAfterOf } from '@/lib/errors';
import { toAppError } from '@/lib/http/error-response';
import { readBody } from '@/lib/http/read-body';
import { logger } from '@/lib/logger';
import { getMetrics } from '@/lib/metrics/metrics';
import { sourceAddress } from '@/lib/rate-limit/source-address';
import { ingestCallback } from '@/server/intake/ingest-callback';
import { sandboxEnabled } from '@/server/sandbox/sandbox-only';
import { callbackParamsSchema, receiveCallbackOperation } from '@/contracts/callbacks';
import { answerFailure, answerSuccess, type ProviderAnswer } from '@/server/providers/provider-answers';

type Context = { params: Promise<{ provider: string }> };

export async function POST(request: Request, context: Context): Promise<Response> {
  const parsed = callbackParamsSchema.safeParse(await context.params);
  if (!parsed.success)
    return send({ status: 404, body: JSON.stringify({ code: 'FAIL', message: 'unknown provider' }), contentType: 'application/json' });
  const { provider } = parsed.data;
  if (provider === 'sandbox' && !sandboxEnabled())
    return send({
      status: 404,
      body: JSON.stringify({ code: 'FAIL', message: 'the sandbox is turned off' }),
      contentType: 'application/json',
    });
  try {
    const rawBody = await readBody(request, getEnv().CALLBACK_BODY_LIMIT_BYTES);
    const result = await ingestCallback({
      db: getPrisma(),
      provider,
      rawBody,
      headers: request.headers,
      source: sourceAddress(request.headers),
    });
    getMetrics().callbacks.inc({ provider, outcome: result.accepted ? result.outcome : 'refused' });
    return logged(
      provider,
      request,
      send(result.accepted ? answerSuccess(provider) : answerFailure(provider, result.reason, result.status)),
    );
  } catch (error) {
    const appError = toAppError(error);
    getMetrics().callbacks.inc({ provider, outcome: appError.status >= 500 ? 'error' : 'refused' });
    if (appError.status >= 500) logger.error({ err: error, provider }, 'callback not stored');
    const retryAfter = retryAfterOf(appError);
    return logged(provider, request, send(answerFailure(provider, appError.message, appError.status), retryAfter));
  }
}

POST.operation = receiveCallbackOperation;

/** Debug logs show what each provider sent (signature headers redacted by the logger) and what it was answered. */
function logged(provider: string, request: Request, response: Response): Response {
  if (logger.isLevelEnabled('debug'))
    logger.debug({ provider, headers: Object.fromEntries(request.headers), status: response.status }, 'callback answered');
  return response;
}

function send(answer: ProviderAnswer, retryAfter: number | null = null): Response {
  const headers: Record<string, string> = { 'content-type': answer.contentType };
  if (retryAfter !== null) headers['retry-after'] = String(retryAfter);
  return new Response(answer.body, { status: answer.status, headers });
}
