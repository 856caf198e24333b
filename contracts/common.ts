import { z } from 'zod';

export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export const idParamsSchema = z.object({ id: z.uuid() });

export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code such as CNY');

/** Integer minor units: 1 = one fen; at most what a PostgreSQL integer holds (21,474,836.47 yuan). */
export const minorUnitsSchema = z.number().int('amount must be an integer number of minor units').positive().max(2_147_483_647);

export const reasonSchema = z.object({ reason: z.string().trim().min(3, 'reason must say why').max(500) });
