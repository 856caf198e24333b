import type { z } from 'zod';
import { isAppError } from '@/lib/errors';
import type { ProviderFailure } from './provider-client';
import { parseJsonWithSchema } from './wechatpay/parse-json-with-schema';

/**
 * A verified answer we cannot read is still not acted on: it is untrusted, with the schema's complaint as the reason.
 */
export function parseProviderAnswer<Schema extends z.ZodType>(
  text: string,
  schema: Schema,
  what: string,
): { data: z.infer<Schema> } | { failure: ProviderFailure } {
  try {
    return { data: parseJsonWithSchema(text, schema, what) };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { failure: { kind: 'untrusted', code: null, message: error.message.slice(0, 500) } };
  }
}
