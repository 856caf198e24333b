-- CreateIndex
CREATE INDEX "merchant_risk_bucket_bucket_start_idx" ON "merchant_risk_bucket" USING BRIN ("bucket_start");

-- CreateIndex
CREATE INDEX "merchant_risk_party_bucket_bucket_start_idx" ON "merchant_risk_party_bucket" USING BRIN ("bucket_start");

-- CreateIndex
CREATE INDEX "processed_event_processed_at_idx" ON "processed_event" USING BRIN ("processed_at");
