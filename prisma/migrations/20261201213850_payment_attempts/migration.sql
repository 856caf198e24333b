-- CreateEnum
CREATE TYPE "AttemptStatus" AS ENUM ('pending', 'succeeded', 'closing', 'closed', 'failed');

-- CreateEnum
CREATE TYPE "InboxSource" AS ENUM ('callback', 'query');

-- CreateEnum
CREATE TYPE "ExchangeOperation" AS ENUM ('create_order', 'query_order', 'close_order', 'refund', 'query_refund', 'download_bill');

-- CreateEnum
CREATE TYPE "ExchangeVerdict" AS ENUM ('ok', 'rejected', 'failed');

-- DropIndex
DROP INDEX "payment_provider_out_trade_no_idx";

-- DropIndex
DROP INDEX "sandbox_order_out_trade_no_idx";

-- AlterTable
ALTER TABLE "payment" ADD COLUMN     "paid_attempt_id" UUID;

-- AlterTable
ALTER TABLE "provider_notification" ADD COLUMN     "attempt_id" UUID,
ADD COLUMN     "exchange_id" UUID,
ADD COLUMN     "source" "InboxSource" NOT NULL DEFAULT 'callback';

-- CreateTable
CREATE TABLE "payment_attempt" (
    "id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "provider_trade_no" TEXT NOT NULL,
    "provider" "Provider" NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" "AttemptStatus" NOT NULL DEFAULT 'pending',
    "provider_transaction_id" TEXT,
    "paid_at" TIMESTAMPTZ(3),
    "payer" TEXT,
    "device" TEXT,
    "pay_data" JSONB,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "duplicate_payment" BOOLEAN NOT NULL DEFAULT false,
    "late_payment" BOOLEAN NOT NULL DEFAULT false,
    "failure_reason" TEXT,
    "query_count" INTEGER NOT NULL DEFAULT 0,
    "last_queried_at" TIMESTAMPTZ(3),
    "last_provider_state" TEXT,
    "next_query_at" TIMESTAMPTZ(3),
    "lease_until" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "payment_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "provider_exchange" (
    "id" UUID NOT NULL,
    "provider" "Provider" NOT NULL,
    "operation" "ExchangeOperation" NOT NULL,
    "method" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "request_headers" JSONB NOT NULL,
    "request_body" TEXT,
    "status" INTEGER,
    "response_headers" JSONB NOT NULL,
    "response_body" TEXT,
    "verdict" "ExchangeVerdict" NOT NULL,
    "reason" TEXT,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "duration_ms" INTEGER NOT NULL,
    "attempt_id" UUID,
    "refund_id" UUID,

    CONSTRAINT "provider_exchange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "client_result" (
    "id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "raw" JSONB,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "client_result_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sandbox_refund" (
    "out_refund_no" TEXT NOT NULL,
    "out_trade_no" TEXT NOT NULL,
    "refund_id" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'PROCESSING',
    "reason" TEXT,
    "notify_url" TEXT,
    "succeeded_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sandbox_refund_pkey" PRIMARY KEY ("out_refund_no")
);

-- CreateTable
CREATE TABLE "sandbox_setting" (
    "id" TEXT NOT NULL DEFAULT 'sandbox',
    "create_fault" TEXT NOT NULL DEFAULT 'none',
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sandbox_setting_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "payment_attempt_provider_trade_no_key" ON "payment_attempt"("provider_trade_no");

-- CreateIndex
CREATE INDEX "payment_attempt_payment_id_created_at_idx" ON "payment_attempt"("payment_id", "created_at");

-- CreateIndex
CREATE INDEX "payment_attempt_status_next_query_at_idx" ON "payment_attempt"("status", "next_query_at");

-- CreateIndex
CREATE INDEX "payment_attempt_status_expires_at_idx" ON "payment_attempt"("status", "expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "payment_attempt_id_payment_id_key" ON "payment_attempt"("id", "payment_id");

-- CreateIndex
CREATE UNIQUE INDEX "payment_attempt_provider_provider_transaction_id_key" ON "payment_attempt"("provider", "provider_transaction_id");

-- CreateIndex
CREATE INDEX "provider_exchange_attempt_id_started_at_idx" ON "provider_exchange"("attempt_id", "started_at");

-- CreateIndex
CREATE INDEX "provider_exchange_refund_id_started_at_idx" ON "provider_exchange"("refund_id", "started_at");

-- CreateIndex
CREATE INDEX "client_result_payment_id_received_at_idx" ON "client_result"("payment_id", "received_at");

-- CreateIndex
CREATE UNIQUE INDEX "sandbox_refund_refund_id_key" ON "sandbox_refund"("refund_id");

-- CreateIndex
CREATE INDEX "sandbox_refund_out_trade_no_idx" ON "sandbox_refund"("out_trade_no");

-- CreateIndex
CREATE UNIQUE INDEX "payment_paid_attempt_id_key" ON "payment"("paid_attempt_id");

-- CreateIndex
CREATE INDEX "payment_status_expires_at_idx" ON "payment"("status", "expires_at");

-- CreateIndex
CREATE INDEX "provider_notification_attempt_id_idx" ON "provider_notification"("attempt_id");

-- Payments made before attempts existed get one attempt each, with the out_trade_no their provider already knows
-- (the merchant's outTradeNo) where that is unique and well-formed, else a fresh number of ours. Pending ones are
-- looked at once by the scheduler, as their notification may have been missed.
INSERT INTO "payment_attempt" ("id", "payment_id", "merchant_id", "provider_trade_no", "provider", "amount", "currency",
  "status", "provider_transaction_id", "paid_at", "payer", "device", "expires_at", "next_query_at", "created_at", "updated_at")
SELECT p."id", p."id", p."merchant_id",
  CASE WHEN p."out_trade_no" ~ '^[A-Za-z0-9_]{6,32}$' AND count(*) OVER (PARTITION BY p."out_trade_no") = 1
    THEN p."out_trade_no" ELSE replace(p."id"::text, '-', '') END,
  p."provider", p."amount", p."currency",
  (CASE WHEN p."status" IN ('pending', 'closed', 'failed') THEN p."status"::text ELSE 'succeeded' END)::"AttemptStatus",
  p."provider_transaction_id", p."paid_at", p."payer", p."device", COALESCE(p."expires_at", p."created_at" + interval '2 hours'),
  CASE WHEN p."status" = 'pending' THEN now() END, p."created_at", now()
FROM "payment" p;

UPDATE "payment" SET "paid_attempt_id" = "id" WHERE "status" NOT IN ('pending', 'closed', 'failed');
UPDATE "provider_notification" SET "attempt_id" = "payment_id" WHERE "payment_id" IS NOT NULL;

-- The sandbox provider's orders are keyed by the out_trade_no it was given, now the attempt's number.
UPDATE "sandbox_order" o SET "out_trade_no" = a."provider_trade_no" FROM "payment_attempt" a WHERE a."payment_id" = o."payment_id";

-- AlterTable
ALTER TABLE "sandbox_order" DROP CONSTRAINT "sandbox_order_pkey",
DROP COLUMN "payment_id",
ADD COLUMN     "close_fault" TEXT NOT NULL DEFAULT 'none',
ADD COLUMN     "description" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "device" TEXT,
ADD COLUMN     "expires_at" TIMESTAMPTZ(3),
ADD COLUMN     "notify_url" TEXT,
ADD COLUMN     "payer" TEXT,
ADD COLUMN     "query_fault" TEXT NOT NULL DEFAULT 'none',
ADD COLUMN     "refund_fault" TEXT NOT NULL DEFAULT 'none',
ADD CONSTRAINT "sandbox_order_pkey" PRIMARY KEY ("out_trade_no");

-- AddForeignKey
ALTER TABLE "payment" ADD CONSTRAINT "payment_paid_attempt_id_id_fkey" FOREIGN KEY ("paid_attempt_id", "id") REFERENCES "payment_attempt"("id", "payment_id") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- AddForeignKey
ALTER TABLE "payment_attempt" ADD CONSTRAINT "payment_attempt_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provider_exchange" ADD CONSTRAINT "provider_exchange_attempt_id_fkey" FOREIGN KEY ("attempt_id") REFERENCES "payment_attempt"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provider_exchange" ADD CONSTRAINT "provider_exchange_refund_id_fkey" FOREIGN KEY ("refund_id") REFERENCES "refund"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "client_result" ADD CONSTRAINT "client_result_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provider_notification" ADD CONSTRAINT "provider_notification_attempt_id_fkey" FOREIGN KEY ("attempt_id") REFERENCES "payment_attempt"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provider_notification" ADD CONSTRAINT "provider_notification_exchange_id_fkey" FOREIGN KEY ("exchange_id") REFERENCES "provider_exchange"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sandbox_refund" ADD CONSTRAINT "sandbox_refund_out_trade_no_fkey" FOREIGN KEY ("out_trade_no") REFERENCES "sandbox_order"("out_trade_no") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Invariants the database keeps whatever the code does.
ALTER TABLE "payment_attempt" ADD CONSTRAINT "payment_attempt_provider_trade_no_format"
  CHECK ("provider_trade_no" ~ '^[A-Za-z0-9_]{6,32}$');
ALTER TABLE "payment_attempt" ADD CONSTRAINT "payment_attempt_amount_positive" CHECK ("amount" > 0);
ALTER TABLE "payment_attempt" ADD CONSTRAINT "payment_attempt_paid_is_known"
  CHECK ("status" <> 'succeeded' OR ("provider_transaction_id" IS NOT NULL AND "paid_at" IS NOT NULL));
-- A payment is paid exactly when it has its paid attempt.
ALTER TABLE "payment" ADD CONSTRAINT "payment_paid_attempt_matches_status"
  CHECK (("paid_attempt_id" IS NOT NULL) = ("status" NOT IN ('pending', 'closed', 'failed')));
