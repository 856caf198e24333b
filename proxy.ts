// Runs before Next.js routes a request. Next decodes dynamic path segments itself and answers a malformed
// percent-encoding (`/api/payments/%E0%A4%A`) outside our error shape, so API paths are checked here first.
import { AppError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/error-response';

export function proxy(request: Request): Response | undefined {
  const { pathname } = new URL(request.url);
  for (const segment of pathname.split('/')) {
    try {
      decodeURIComponent(segment);
    } catch {
      return errorResponse(new AppError('bad_request', 'The request path is not valid percent-encoding'));
    }
  }
  return undefined;
}

// Only paths with a percent sign come here, so callbacks and API calls pay nothing for the check.
export const config = { matcher: '/api/:rest(.*%.*)' };
