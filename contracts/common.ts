import { z } from 'zod';

export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export const idParamsSchema = z.object({ id: z.uuid() });

export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code such as CNY');

/** Integer minor units: 1 = one fen; at most what a PostgreSQL integer holds (21,474,836.47 yuan). */
export const minorUnitsSchema = z.number().int('amount must be an integer number of minor units').positive().max(2_147_483_647);

export const reasonSchema = z.object({ reason: z.string().trim().min(3, 'reason must say why').max(500) });

/**
 * An ISO 8601 instant with its offset, within years 1–9999: what both JavaScript and PostgreSQL hold (PostgreSQL has
 * no year 0, so "0000-01-01T00:00:00Z" would otherwise pass here and fail in the database).
 */
export const instantSchema = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 instant with its offset' }).refine((value) => {
  const year = new Date(value).getUTCFullYear();
  return year >= 1 && year <= 9999;
}, 'must be an instant between the years 1 and 9999');
