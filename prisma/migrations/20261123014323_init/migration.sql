-- CreateEnum
CREATE TYPE "MerchantStatus" AS ENUM ('active', 'blocked');

-- CreateEnum
CREATE TYPE "Provider" AS ENUM ('wechatpay', 'alipay', 'sandbox');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('pending', 'succeeded', 'closed', 'failed', 'refunded', 'partially_refunded');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('payment', 'refund', 'unknown');

-- CreateEnum
CREATE TYPE "NotificationOutcome" AS ENUM ('applied', 'duplicate', 'recorded', 'rejected');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('pending', 'delivered', 'failed', 'cancelled');

-- CreateEnum
CREATE TYPE "RefundStatus" AS ENUM ('pending', 'processing', 'succeeded', 'failed');

-- CreateEnum
CREATE TYPE "RefundReason" AS ENUM ('customer', 'duplicate_payment', 'other');

-- CreateEnum
CREATE TYPE "BlockAction" AS ENUM ('blocked', 'unblocked');

-- CreateEnum
CREATE TYPE "RiskRuleKind" AS ENUM ('window_amount', 'velocity', 'single_outsized', 'repeated_payer');

-- CreateEnum
CREATE TYPE "RiskAction" AS ENUM ('alert', 'block');

-- CreateEnum
CREATE TYPE "AlertStatus" AS ENUM ('open', 'acknowledged', 'blocked', 'dismissed');

-- CreateTable
CREATE TABLE "merchant" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "notify_url" TEXT NOT NULL,
    "status" "MerchantStatus" NOT NULL DEFAULT 'active',
    "api_key_hash" TEXT NOT NULL,
    "api_key_prefix" TEXT NOT NULL,
    "endpoint_disabled_at" TIMESTAMPTZ(3),
    "endpoint_disabled_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "merchant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "webhook_secret" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "secret" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3),

    CONSTRAINT "webhook_secret_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "merchant_block_event" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "action" "BlockAction" NOT NULL,
    "reason" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "alert_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "merchant_block_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "payment" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "out_trade_no" TEXT NOT NULL,
    "provider" "Provider" NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL DEFAULT 'CNY',
    "description" TEXT,
    "status" "PaymentStatus" NOT NULL DEFAULT 'pending',
    "provider_transaction_id" TEXT,
    "paid_at" TIMESTAMPTZ(3),
    "payer" TEXT,
    "device" TEXT,
    "refunded_amount" INTEGER NOT NULL DEFAULT 0,
    "flagged_reason" TEXT,
    "expires_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "provider_notification" (
    "id" UUID NOT NULL,
    "provider" "Provider" NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "dedupe_key" TEXT,
    "notification_id" TEXT,
    "outcome" "NotificationOutcome" NOT NULL,
    "reason" TEXT,
    "payment_id" UUID,
    "raw_body" TEXT NOT NULL,
    "headers" JSONB NOT NULL,
    "received_count" INTEGER NOT NULL DEFAULT 1,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "provider_notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "delivery" (
    "id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "event_type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempt_count" INTEGER NOT NULL DEFAULT 0,
    "last_attempt_at" TIMESTAMPTZ(3),
    "next_attempt_at" TIMESTAMPTZ(3),
    "delivered_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "delivery_attempt" (
    "id" UUID NOT NULL,
    "delivery_id" UUID NOT NULL,
    "attempt_number" INTEGER NOT NULL,
    "url" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "duration_ms" INTEGER NOT NULL,
    "status_code" INTEGER,
    "response_excerpt" TEXT,
    "error" TEXT,

    CONSTRAINT "delivery_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "refund" (
    "id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "merchant_id" UUID NOT NULL,
    "out_refund_no" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL DEFAULT 'CNY',
    "reason" "RefundReason" NOT NULL,
    "status" "RefundStatus" NOT NULL DEFAULT 'pending',
    "provider_refund_id" TEXT,
    "failure_reason" TEXT,
    "succeeded_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "refund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "risk_rule" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "RiskRuleKind" NOT NULL,
    "params" JSONB NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "action" "RiskAction" NOT NULL DEFAULT 'alert',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "risk_rule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "risk_alert" (
    "id" UUID NOT NULL,
    "merchant_id" UUID,
    "rule_id" UUID,
    "kind" TEXT NOT NULL,
    "status" "AlertStatus" NOT NULL DEFAULT 'open',
    "evidence" JSONB NOT NULL,
    "payment_id" UUID,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMPTZ(3),
    "decided_by" TEXT,
    "decision_reason" TEXT,

    CONSTRAINT "risk_alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "merchant_risk_bucket" (
    "merchant_id" UUID NOT NULL,
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "amount" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "merchant_risk_bucket_pkey" PRIMARY KEY ("merchant_id","bucket_start")
);

-- CreateTable
CREATE TABLE "processed_event" (
    "subscriber" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_event_pkey" PRIMARY KEY ("subscriber","event_id")
);

-- CreateTable
CREATE TABLE "campaign" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "budget" INTEGER NOT NULL,
    "spent" INTEGER NOT NULL DEFAULT 0,
    "currency" CHAR(3) NOT NULL DEFAULT 'CNY',
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "merchant_ids" UUID[],
    "min_amount" INTEGER NOT NULL,
    "reward_amount" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "campaign_reward" (
    "id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "amount" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "campaign_reward_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "promotion" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "required_payments" INTEGER NOT NULL,
    "min_amount" INTEGER NOT NULL,
    "reward_amount" INTEGER NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "promotion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "promotion_progress" (
    "promotion_id" UUID NOT NULL,
    "payer" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "granted_at" TIMESTAMPTZ(3),

    CONSTRAINT "promotion_progress_pkey" PRIMARY KEY ("promotion_id","payer")
);

-- CreateTable
CREATE TABLE "settlement" (
    "merchant_id" UUID NOT NULL,
    "day" DATE NOT NULL,
    "currency" CHAR(3) NOT NULL DEFAULT 'CNY',
    "gross" BIGINT NOT NULL,
    "refunds" BIGINT NOT NULL,
    "fees" BIGINT NOT NULL,
    "net" BIGINT NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "settlement_pkey" PRIMARY KEY ("merchant_id","day","currency")
);

-- CreateTable
CREATE TABLE "sandbox_order" (
    "payment_id" UUID NOT NULL,
    "out_trade_no" TEXT NOT NULL,
    "transaction_id" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL DEFAULT 'CNY',
    "state" TEXT NOT NULL DEFAULT 'NOTPAY',
    "paid_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sandbox_order_pkey" PRIMARY KEY ("payment_id")
);

-- CreateTable
CREATE TABLE "sandbox_key" (
    "id" TEXT NOT NULL,
    "serial" TEXT NOT NULL,
    "private_key_pem" TEXT NOT NULL,
    "public_key_pem" TEXT NOT NULL,
    "api_v3_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sandbox_key_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "merchant_api_key_hash_key" ON "merchant"("api_key_hash");

-- CreateIndex
CREATE INDEX "merchant_created_at_id_idx" ON "merchant"("created_at" DESC, "id");

-- CreateIndex
CREATE INDEX "webhook_secret_merchant_id_created_at_idx" ON "webhook_secret"("merchant_id", "created_at");

-- CreateIndex
CREATE INDEX "merchant_block_event_merchant_id_created_at_idx" ON "merchant_block_event"("merchant_id", "created_at");

-- CreateIndex
CREATE INDEX "payment_provider_out_trade_no_idx" ON "payment"("provider", "out_trade_no");

-- CreateIndex
CREATE INDEX "payment_merchant_id_created_at_id_idx" ON "payment"("merchant_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "payment_created_at_id_idx" ON "payment"("created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "payment_status_created_at_idx" ON "payment"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "payment_merchant_id_out_trade_no_key" ON "payment"("merchant_id", "out_trade_no");

-- CreateIndex
CREATE UNIQUE INDEX "payment_provider_provider_transaction_id_key" ON "payment"("provider", "provider_transaction_id");

-- CreateIndex
CREATE INDEX "provider_notification_payment_id_idx" ON "provider_notification"("payment_id");

-- CreateIndex
CREATE INDEX "provider_notification_outcome_received_at_idx" ON "provider_notification"("outcome", "received_at");

-- CreateIndex
CREATE UNIQUE INDEX "provider_notification_provider_dedupe_key_key" ON "provider_notification"("provider", "dedupe_key");

-- CreateIndex
CREATE INDEX "delivery_merchant_id_created_at_id_idx" ON "delivery"("merchant_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "delivery_status_created_at_id_idx" ON "delivery"("status", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "delivery_payment_id_event_type_key" ON "delivery"("payment_id", "event_type");

-- CreateIndex
CREATE INDEX "delivery_attempt_delivery_id_attempt_number_idx" ON "delivery_attempt"("delivery_id", "attempt_number");

-- CreateIndex
CREATE INDEX "refund_payment_id_idx" ON "refund"("payment_id");

-- CreateIndex
CREATE INDEX "refund_status_created_at_idx" ON "refund"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "refund_out_refund_no_key" ON "refund"("out_refund_no");

-- CreateIndex
CREATE UNIQUE INDEX "risk_rule_name_key" ON "risk_rule"("name");

-- CreateIndex
CREATE INDEX "risk_alert_opened_at_id_idx" ON "risk_alert"("opened_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "risk_alert_merchant_id_rule_id_status_idx" ON "risk_alert"("merchant_id", "rule_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "campaign_reward_campaign_id_payment_id_key" ON "campaign_reward"("campaign_id", "payment_id");

-- CreateIndex
CREATE UNIQUE INDEX "sandbox_order_transaction_id_key" ON "sandbox_order"("transaction_id");

-- CreateIndex
CREATE INDEX "sandbox_order_out_trade_no_idx" ON "sandbox_order"("out_trade_no");

-- AddForeignKey
ALTER TABLE "webhook_secret" ADD CONSTRAINT "webhook_secret_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "merchant_block_event" ADD CONSTRAINT "merchant_block_event_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "payment" ADD CONSTRAINT "payment_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "provider_notification" ADD CONSTRAINT "provider_notification_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery" ADD CONSTRAINT "delivery_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery" ADD CONSTRAINT "delivery_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delivery_attempt" ADD CONSTRAINT "delivery_attempt_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "delivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refund" ADD CONSTRAINT "refund_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "refund" ADD CONSTRAINT "refund_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "risk_alert" ADD CONSTRAINT "risk_alert_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "risk_alert" ADD CONSTRAINT "risk_alert_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "risk_rule"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "merchant_risk_bucket" ADD CONSTRAINT "merchant_risk_bucket_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "campaign_reward" ADD CONSTRAINT "campaign_reward_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotion_progress" ADD CONSTRAINT "promotion_progress_promotion_id_fkey" FOREIGN KEY ("promotion_id") REFERENCES "promotion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "settlement" ADD CONSTRAINT "settlement_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The block audit is append-only: history is evidence and may not be rewritten.
CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'merchant_block_event is append-only';
END;
$$;

CREATE TRIGGER merchant_block_event_append_only
  BEFORE UPDATE OR DELETE ON "merchant_block_event"
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
