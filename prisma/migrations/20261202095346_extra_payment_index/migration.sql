-- Hand-written: what schema.prisma cannot say.

-- The find-duplicates sweep runs every minute over the paid attempts that their payment does not keep (duplicate and
-- late extra payments, flagged in the transaction that pays them): few rows, found without scanning every attempt.
CREATE INDEX "payment_attempt_extra_paid_idx" ON "payment_attempt"("paid_at") WHERE "status" = 'succeeded' AND "duplicate_payment";
