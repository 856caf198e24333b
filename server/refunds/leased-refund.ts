import type { Prisma } from '@/generated/prisma/client';

export const withRefundAttempt = {
  attempt: { select: { id: true, providerTradeNo: true, provider: true, amount: true, paymentId: true } },
} as const;

/** A refund this worker holds the lease of, with the attempt it gives money back from. */
export type LeasedRefund = Prisma.RefundGetPayload<{ include: typeof withRefundAttempt }>;
