-- CreateTable
CREATE TABLE "api_rate_limit" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "api_rate_limit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "rejected_callback_count" (
    "hour_start" TIMESTAMPTZ(3) NOT NULL,
    "provider" "Provider" NOT NULL,
    "source_ip" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "sampled" INTEGER NOT NULL DEFAULT 0,
    "first_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rejected_callback_count_pkey" PRIMARY KEY ("hour_start","provider","source_ip","reason")
);

-- CreateIndex
CREATE INDEX "api_rate_limit_expire_idx" ON "api_rate_limit"("expire");

-- CreateIndex
CREATE INDEX "rejected_callback_count_source_ip_hour_start_idx" ON "rejected_callback_count"("source_ip", "hour_start" DESC);
