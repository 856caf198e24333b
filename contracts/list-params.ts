// Query-string parameters the list and figure endpoints share. Query strings are text: each parameter is parsed
// strictly (no silent coercion of "" to 0 or "yes" to true), so a bad filter answers 422 and never reaches SQL.
import { z } from 'zod';
import { instantSchema } from '@/contracts/common';

export const isoInstantParam = instantSchema;

/** A whole number of minor units, as the API counts money. */
export const minorUnitsParam = z
  .string()
  .regex(/^\d{1,10}$/, 'must be a whole number of minor units (fen)')
  .transform(Number)
  .pipe(z.number().max(2_147_483_647, 'must be at most 2147483647'));

export const booleanParam = z.enum(['true', 'false'], 'must be true or false').transform((value) => value === 'true');

export const limitParam = z.coerce.number().int().min(1).max(200).default(50);

export const cursorParam = z.string().max(200).optional();

/** Any id a person may paste into a search box: ours, a merchant's order number, a provider's transaction id. */
export const idSearchParam = z
  .string()
  .trim()
  .regex(/^[\x21-\x7e]{1,64}$/, 'must be one id: 1–64 printable characters without spaces');

/** Money summed per currency: amounts of different currencies are never added together. */
export const volumeSchema = z.object({
  currency: z.string(),
  count: z.number().int(),
  amount: z.number().int().describe('Minor units (fen)'),
});
