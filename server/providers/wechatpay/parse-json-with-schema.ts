import { z } from 'zod';
import { AppError } from '@/lib/errors';

// Text that is not JSON is a bad request; JSON of the wrong shape fails validation.
export function parseJsonWithSchema<Schema extends z.ZodType>(text: string, schema: Schema, what: string): z.infer<Schema> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AppError('bad_request', `${what} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new AppError('validation_failed', `${what} is invalid: ${z.prettifyError(result.error)}`, {
      issues: result.error.issues,
    });
  }
  return result.data;
}
