-- AlterTable
ALTER TABLE "merchant_risk_bucket" ADD COLUMN     "sample_payment_ids" UUID[] DEFAULT ARRAY[]::UUID[];

-- AlterTable
ALTER TABLE "promotion_progress" ADD COLUMN     "granted_payment_id" UUID;

-- AlterTable
ALTER TABLE "risk_alert" ADD COLUMN     "first_event_at" TIMESTAMPTZ(3),
ADD COLUMN     "hit_count" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "last_event_at" TIMESTAMPTZ(3),
ADD COLUMN     "open_key" TEXT;

-- CreateTable
CREATE TABLE "merchant_risk_party_bucket" (
    "merchant_id" UUID NOT NULL,
    "party" TEXT NOT NULL,
    "bucket_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "merchant_risk_party_bucket_pkey" PRIMARY KEY ("merchant_id","party","bucket_start")
);

-- CreateTable
CREATE TABLE "merchant_risk_profile" (
    "merchant_id" UUID NOT NULL,
    "first_paid_at" TIMESTAMPTZ(3) NOT NULL,
    "payment_count" INTEGER NOT NULL DEFAULT 0,
    "amount_total" BIGINT NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "merchant_risk_profile_pkey" PRIMARY KEY ("merchant_id")
);

-- CreateIndex
CREATE INDEX "campaign_merchant_ids_idx" ON "campaign" USING GIN ("merchant_ids");

-- CreateIndex
CREATE INDEX "campaign_created_at_id_idx" ON "campaign"("created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "promotion_created_at_id_idx" ON "promotion"("created_at" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "risk_alert_open_key_key" ON "risk_alert"("open_key");

-- CreateIndex
CREATE INDEX "risk_alert_status_opened_at_id_idx" ON "risk_alert"("status", "opened_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "risk_alert_merchant_id_last_event_at_idx" ON "risk_alert"("merchant_id", "last_event_at");

-- Default risk rules, so a fresh system protects itself before anyone configures it. Seeded here rather than at
-- worker boot so that every database (tests, benchmarks, a web process alone) has them, and seeded by name with
-- ON CONFLICT DO NOTHING so an analyst's edits are never overwritten. Amounts are fen.
INSERT INTO "risk_rule" ("id", "name", "kind", "params", "enabled", "action", "created_at", "updated_at") VALUES
  (gen_random_uuid(), 'window-amount-15m', 'window_amount',
   '{"windowMinutes":15,"floor":5000000,"multiplier":5,"defaultBaseline":1000000,"minHistoryMinutes":1440}', true, 'block', now(), now()),
  (gen_random_uuid(), 'velocity-5m', 'velocity', '{"windowMinutes":5,"maxCount":300}', true, 'alert', now(), now()),
  (gen_random_uuid(), 'single-outsized', 'single_outsized',
   '{"multiplier":20,"floor":200000,"minHistoryPayments":50}', true, 'alert', now(), now()),
  (gen_random_uuid(), 'repeated-payer-60m', 'repeated_payer', '{"field":"payer","windowMinutes":60,"maxCount":20}', true, 'alert', now(), now())
ON CONFLICT ("name") DO NOTHING;
