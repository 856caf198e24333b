-- AlterTable
ALTER TABLE "delivery" ADD COLUMN     "last_error" TEXT,
ADD COLUMN     "lease_until" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "merchant" ADD COLUMN     "endpoint_failing_since" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "delivery_merchant_id_status_created_at_id_idx" ON "delivery"("merchant_id", "status", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "delivery_created_at_id_idx" ON "delivery"("created_at" DESC, "id" DESC);
