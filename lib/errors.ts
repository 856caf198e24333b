// One error type for the whole system; `lib/http/error-response.ts` maps its code to an HTTP status.
export const errorCodes = {
  bad_request: 400,
  validation_failed: 422,
  /** A new notifyUrl did not acknowledge its signed test webhook, so it was not saved. */
  notify_url_test_failed: 422,
  unauthorized: 401,
  forbidden: 403,
  merchant_blocked: 403,
  not_found: 404,
  conflict: 409,
  already_paid: 409,
  /** A refund of a payment that is not paid (pending, closed, failed). */
  payment_not_refundable: 409,
  /** A refund of more than is left to refund of what was paid. */
  refund_exceeds_paid: 422,
  /** The paid attempt already has 50 refunds (WeChat Pay's limit per order). */
  refund_limit_reached: 422,
  payload_too_large: 413,
  rate_limited: 429,
  signature_invalid: 401,
  internal: 500,
  /** The provider could not be reached, timed out, or answered something we cannot trust. */
  provider_unavailable: 502,
  /** The provider understood the request and said no. */
  provider_refused: 502,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return errorCodes[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** 429 with the seconds to wait, which the error mapper also sends as `Retry-After`. */
export function rateLimited(retryAfterSeconds: number, message = 'Too many requests; try again later'): AppError {
  return new AppError('rate_limited', message, { retryAfterSeconds });
}

export function retryAfterOf(error: AppError): number | null {
  const details = error.details;
  if (typeof details !== 'object' || details === null || !('retryAfterSeconds' in details)) return null;
  return typeof details.retryAfterSeconds === 'number' ? details.retryAfterSeconds : null;
}
