-- CreateEnum
CREATE TYPE "LedgerEntryKind" AS ENUM ('payment', 'refund', 'fee', 'fee_return');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "RefundReason" ADD VALUE 'merchant';
ALTER TYPE "RefundReason" ADD VALUE 'paid_after_close';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "RefundStatus" ADD VALUE 'closed';
ALTER TYPE "RefundStatus" ADD VALUE 'abnormal';

-- DropIndex
DROP INDEX "delivery_payment_id_event_type_key";

-- DropIndex
DROP INDEX "refund_out_refund_no_key";

-- DropIndex
DROP INDEX "refund_payment_id_idx";

-- DropIndex
DROP INDEX "refund_status_created_at_idx";

-- AlterTable
ALTER TABLE "delivery" ADD COLUMN     "refund_id" UUID;

-- AlterTable
ALTER TABLE "merchant" ADD COLUMN     "fee_rate_ppm" INTEGER NOT NULL DEFAULT 6000;

-- AlterTable
ALTER TABLE "payment_attempt" ADD COLUMN     "fee_rate_ppm" INTEGER,
ADD COLUMN     "refund_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "refund_reserved" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "refunded_amount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "refund" DROP COLUMN "out_refund_no",
ADD COLUMN     "attempt_id" UUID NOT NULL,
ADD COLUMN     "finished_at" TIMESTAMPTZ(3),
ADD COLUMN     "last_provider_state" TEXT,
ADD COLUMN     "last_queried_at" TIMESTAMPTZ(3),
ADD COLUMN     "lease_until" TIMESTAMPTZ(3),
ADD COLUMN     "next_query_at" TIMESTAMPTZ(3),
ADD COLUMN     "provider_refund_no" TEXT NOT NULL,
ADD COLUMN     "query_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "refund_no" TEXT NOT NULL,
ADD COLUMN     "requested_by" TEXT NOT NULL,
ADD COLUMN     "submitted_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "settlement" DROP CONSTRAINT "settlement_pkey",
DROP COLUMN "fees",
DROP COLUMN "gross",
DROP COLUMN "net",
DROP COLUMN "refunds",
ADD COLUMN     "fee_amount" BIGINT NOT NULL,
ADD COLUMN     "gross_amount" BIGINT NOT NULL,
ADD COLUMN     "id" UUID NOT NULL,
ADD COLUMN     "net_amount" BIGINT NOT NULL,
ADD COLUMN     "payment_count" INTEGER NOT NULL,
ADD COLUMN     "refund_amount" BIGINT NOT NULL,
ADD COLUMN     "refund_count" INTEGER NOT NULL,
ADD CONSTRAINT "settlement_pkey" PRIMARY KEY ("id");

-- CreateTable
CREATE TABLE "ledger_entry" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "attempt_id" UUID NOT NULL,
    "refund_id" UUID,
    "kind" "LedgerEntryKind" NOT NULL,
    "source_id" UUID NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "sandbox" BOOLEAN NOT NULL,
    "booked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ledger_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ledger_entry_merchant_id_booked_at_id_idx" ON "ledger_entry"("merchant_id", "booked_at", "id");

-- CreateIndex
CREATE INDEX "ledger_entry_booked_at_idx" ON "ledger_entry"("booked_at");

-- CreateIndex
CREATE INDEX "ledger_entry_payment_id_idx" ON "ledger_entry"("payment_id");

-- CreateIndex
CREATE UNIQUE INDEX "ledger_entry_kind_source_id_key" ON "ledger_entry"("kind", "source_id");

-- CreateIndex
CREATE UNIQUE INDEX "delivery_payment_id_event_type_refund_id_key" ON "delivery"("payment_id", "event_type", "refund_id");

-- CreateIndex
CREATE UNIQUE INDEX "refund_provider_refund_no_key" ON "refund"("provider_refund_no");

-- CreateIndex
CREATE INDEX "refund_payment_id_created_at_idx" ON "refund"("payment_id", "created_at");

-- CreateIndex
CREATE INDEX "refund_attempt_id_idx" ON "refund"("attempt_id");

-- CreateIndex
CREATE INDEX "refund_status_next_query_at_idx" ON "refund"("status", "next_query_at");

-- CreateIndex
CREATE INDEX "refund_merchant_id_created_at_id_idx" ON "refund"("merchant_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "refund_merchant_id_refund_no_key" ON "refund"("merchant_id", "refund_no");

-- CreateIndex
CREATE INDEX "settlement_day_merchant_id_currency_idx" ON "settlement"("day" DESC, "merchant_id" DESC, "currency" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "settlement_merchant_id_day_currency_key" ON "settlement"("merchant_id", "day", "currency");

-- AddForeignKey
ALTER TABLE "delivery" ADD CONSTRAINT "delivery_refund_id_fkey" FOREIGN KEY ("refund_id") REFERENCES "refund"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refund" ADD CONSTRAINT "refund_attempt_id_fkey" FOREIGN KEY ("attempt_id") REFERENCES "payment_attempt"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_attempt_id_fkey" FOREIGN KEY ("attempt_id") REFERENCES "payment_attempt"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_refund_id_fkey" FOREIGN KEY ("refund_id") REFERENCES "refund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: what schema.prisma cannot say.

-- Payment events have no refund: one delivery per (payment, event) for them, one per (payment, event, refund) for
-- refund events.
DROP INDEX "delivery_payment_id_event_type_refund_id_key";
CREATE UNIQUE INDEX "delivery_payment_id_event_type_refund_id_key" ON "delivery"("payment_id", "event_type", "refund_id") NULLS NOT DISTINCT;

-- DESIGN §3 fees: amount × ppm / 1,000,000 rounded half up to the fen, in integers (never a float).
CREATE FUNCTION paygate_fee(amount bigint, ppm integer) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (amount * ppm + 500000) / 1000000
$$;

ALTER TABLE "merchant" ADD CONSTRAINT "merchant_fee_rate_ppm_range" CHECK ("fee_rate_ppm" BETWEEN 0 AND 1000000);
ALTER TABLE "payment_attempt" ADD CONSTRAINT "payment_attempt_fee_rate_ppm_range"
  CHECK ("fee_rate_ppm" IS NULL OR "fee_rate_ppm" BETWEEN 0 AND 1000000);
-- DESIGN §3 invariant: the refunds of an attempt that are not failed or closed never exceed what it was paid. The
-- reserve is raised in the UPDATE that checks it; these constraints are the backstop under any concurrency.
ALTER TABLE "payment_attempt" ADD CONSTRAINT "payment_attempt_refund_reserved_within_paid"
  CHECK ("refund_reserved" >= 0 AND "refund_reserved" <= "amount" AND ("refund_reserved" = 0 OR "status" = 'succeeded'));
ALTER TABLE "payment_attempt" ADD CONSTRAINT "payment_attempt_refunded_within_reserved"
  CHECK ("refunded_amount" >= 0 AND "refunded_amount" <= "refund_reserved");
-- WeChat Pay takes at most 50 refunds per order.
ALTER TABLE "payment_attempt" ADD CONSTRAINT "payment_attempt_refund_count_limit" CHECK ("refund_count" BETWEEN 0 AND 50);
ALTER TABLE "payment" ADD CONSTRAINT "payment_refunded_within_amount" CHECK ("refunded_amount" >= 0 AND "refunded_amount" <= "amount");
ALTER TABLE "refund" ADD CONSTRAINT "refund_amount_positive" CHECK ("amount" > 0);
-- Both providers take 6–64 letters, digits and underscores as out_refund_no / out_request_no.
ALTER TABLE "refund" ADD CONSTRAINT "refund_provider_refund_no_format" CHECK ("provider_refund_no" ~ '^[A-Za-z0-9_]{6,64}$');
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_amount_positive" CHECK ("amount" > 0);

-- A refund's final state is final.
CREATE FUNCTION refuse_refund_reopen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status::text IN ('succeeded', 'failed', 'closed') AND NEW.status <> OLD.status THEN
    RAISE EXCEPTION 'refund % is % and cannot become %', OLD.id, OLD.status, NEW.status;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER refund_final_states BEFORE UPDATE OF status ON "refund" FOR EACH ROW EXECUTE FUNCTION refuse_refund_reopen();

-- The fee rate is snapshotted on the attempt when it is made: a later change of the merchant's rate applies to
-- later attempts only.
CREATE FUNCTION snapshot_attempt_fee_rate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.fee_rate_ppm IS NULL THEN
    SELECT m.fee_rate_ppm INTO NEW.fee_rate_ppm FROM merchant m WHERE m.id = NEW.merchant_id;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER payment_attempt_fee_rate BEFORE INSERT ON "payment_attempt" FOR EACH ROW EXECUTE FUNCTION snapshot_attempt_fee_rate();
UPDATE "payment_attempt" a SET "fee_rate_ppm" = m."fee_rate_ppm" FROM "merchant" m WHERE m."id" = a."merchant_id" AND a."fee_rate_ppm" IS NULL;

-- The ledger is immutable: money facts are only ever added.
CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON "ledger_entry"
  FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();

-- Every attempt that becomes paid books its payment and its fee, in the transaction that marks it paid, whatever
-- the path (callback, query, group commit). One statement per UPDATE however many attempts it paid.
CREATE FUNCTION book_paid_attempts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO ledger_entry (id, merchant_id, payment_id, attempt_id, kind, source_id, amount, currency, sandbox, booked_at)
  SELECT gen_random_uuid(), n.merchant_id, n.payment_id, n.id, k.kind, n.id, k.amount, n.currency, n.provider = 'sandbox', now()
  FROM new_rows n
  JOIN old_rows o ON o.id = n.id
  CROSS JOIN LATERAL (VALUES ('payment'::"LedgerEntryKind", n.amount::bigint),
                             ('fee'::"LedgerEntryKind", paygate_fee(n.amount, coalesce(n.fee_rate_ppm, 0)))) AS k(kind, amount)
  WHERE n.status = 'succeeded' AND o.status <> 'succeeded' AND k.amount > 0
  ORDER BY n.id, k.kind
  ON CONFLICT (kind, source_id) DO NOTHING;
  RETURN NULL;
END;
$$;
CREATE TRIGGER payment_attempt_booking AFTER UPDATE ON "payment_attempt" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION book_paid_attempts();

-- A refund that succeeds books itself and the fee it returns: fee(paid − refunded before) − fee(paid − refunded
-- after), so a full refund returns the whole fee. The attempt's row lock orders refunds of one attempt.
CREATE FUNCTION book_succeeded_refund() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  a payment_attempt;
  returned bigint;
BEGIN
  UPDATE payment_attempt SET refunded_amount = refunded_amount + NEW.amount, updated_at = now()
  WHERE id = NEW.attempt_id RETURNING * INTO a;
  returned := paygate_fee(a.amount - (a.refunded_amount - NEW.amount), coalesce(a.fee_rate_ppm, 0))
            - paygate_fee(a.amount - a.refunded_amount, coalesce(a.fee_rate_ppm, 0));
  INSERT INTO ledger_entry (id, merchant_id, payment_id, attempt_id, refund_id, kind, source_id, amount, currency, sandbox, booked_at)
  SELECT gen_random_uuid(), NEW.merchant_id, NEW.payment_id, NEW.attempt_id, NEW.id, k.kind, NEW.id, k.amount, NEW.currency,
    a.provider = 'sandbox', now()
  FROM (VALUES ('refund'::"LedgerEntryKind", NEW.amount::bigint), ('fee_return'::"LedgerEntryKind", returned)) AS k(kind, amount)
  WHERE k.amount > 0
  ON CONFLICT (kind, source_id) DO NOTHING;
  RETURN NULL;
END;
$$;
CREATE TRIGGER refund_booking AFTER UPDATE OF status ON "refund" FOR EACH ROW
  WHEN (NEW.status = 'succeeded' AND OLD.status <> 'succeeded') EXECUTE FUNCTION book_succeeded_refund();

-- Payments paid before the ledger existed are booked when they were paid.
INSERT INTO ledger_entry (id, merchant_id, payment_id, attempt_id, kind, source_id, amount, currency, sandbox, booked_at)
SELECT gen_random_uuid(), a.merchant_id, a.payment_id, a.id, k.kind, a.id, k.amount, a.currency, a.provider = 'sandbox', a.paid_at
FROM payment_attempt a
CROSS JOIN LATERAL (VALUES ('payment'::"LedgerEntryKind", a.amount::bigint),
                           ('fee'::"LedgerEntryKind", paygate_fee(a.amount, coalesce(a.fee_rate_ppm, 0)))) AS k(kind, amount)
WHERE a.status = 'succeeded' AND k.amount > 0;
