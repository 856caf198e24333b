-- CreateTable
CREATE TABLE "settlement_day" (
    "day" DATE NOT NULL,
    "time_zone" TEXT NOT NULL,
    "row_count" INTEGER NOT NULL,
    "settled_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "settlement_day_pkey" PRIMARY KEY ("day")
);

-- Hand-written: what schema.prisma cannot say.
-- DESIGN §3 invariant 4: a settlement's net is its gross less its refunds and fees, to the cent (it may be negative).
ALTER TABLE "settlement" ADD CONSTRAINT "settlement_net_adds_up"
  CHECK ("net_amount" = "gross_amount" - "refund_amount" - "fee_amount");
ALTER TABLE "settlement" ADD CONSTRAINT "settlement_figures_not_negative"
  CHECK ("gross_amount" >= 0 AND "refund_amount" >= 0 AND "payment_count" >= 0 AND "refund_count" >= 0);
ALTER TABLE "settlement_day" ADD CONSTRAINT "settlement_day_row_count_not_negative" CHECK ("row_count" >= 0);
