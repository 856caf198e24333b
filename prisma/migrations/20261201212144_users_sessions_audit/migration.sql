-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('admin', 'analyst', 'owner', 'developer', 'viewer');

-- DropIndex
DROP INDEX "provider_notification_outcome_received_at_idx";

-- DropIndex
DROP INDEX "provider_notification_payment_id_idx";

-- CreateTable
CREATE TABLE "risk_alert_decision" (
    "id" UUID NOT NULL,
    "alert_id" UUID NOT NULL,
    "from_status" "AlertStatus" NOT NULL,
    "decision" "AlertStatus" NOT NULL,
    "actor" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "risk_alert_decision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" UUID NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "merchant_id" UUID,
    "reason" TEXT,
    "before" JSONB,
    "after" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "email_verified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" "UserRole" NOT NULL,
    "merchant_id" UUID,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" UUID NOT NULL,
    "token" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "ip_address" TEXT,
    "user_agent" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account" (
    "id" UUID NOT NULL,
    "account_id" TEXT NOT NULL,
    "provider_id" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "access_token" TEXT,
    "refresh_token" TEXT,
    "id_token" TEXT,
    "access_token_expires_at" TIMESTAMPTZ(3),
    "refresh_token_expires_at" TIMESTAMPTZ(3),
    "scope" TEXT,
    "password" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification" (
    "id" UUID NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "verification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "last_request" BIGINT NOT NULL,

    CONSTRAINT "rate_limit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "risk_alert_decision_alert_id_created_at_idx" ON "risk_alert_decision"("alert_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_event_created_at_id_idx" ON "audit_event"("created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "audit_event_actor_created_at_id_idx" ON "audit_event"("actor", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "audit_event_action_created_at_id_idx" ON "audit_event"("action", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "audit_event_merchant_id_created_at_id_idx" ON "audit_event"("merchant_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "audit_event_subject_type_subject_id_created_at_id_idx" ON "audit_event"("subject_type", "subject_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "app_user_created_at_id_idx" ON "app_user"("created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "app_user_merchant_id_created_at_id_idx" ON "app_user"("merchant_id", "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "session_token_key" ON "session"("token");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE INDEX "account_user_id_idx" ON "account"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "account_provider_id_account_id_key" ON "account"("provider_id", "account_id");

-- CreateIndex
CREATE INDEX "verification_identifier_idx" ON "verification"("identifier");

-- CreateIndex
CREATE UNIQUE INDEX "rate_limit_key_key" ON "rate_limit"("key");

-- CreateIndex
CREATE INDEX "provider_notification_received_at_id_idx" ON "provider_notification"("received_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "provider_notification_provider_received_at_id_idx" ON "provider_notification"("provider", "received_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "provider_notification_kind_received_at_id_idx" ON "provider_notification"("kind", "received_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "provider_notification_outcome_received_at_id_idx" ON "provider_notification"("outcome", "received_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "provider_notification_payment_id_received_at_id_idx" ON "provider_notification"("payment_id", "received_at" DESC, "id" DESC);

-- AddForeignKey
ALTER TABLE "risk_alert_decision" ADD CONSTRAINT "risk_alert_decision_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "risk_alert"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_merchant_id_fkey" FOREIGN KEY ("merchant_id") REFERENCES "merchant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account" ADD CONSTRAINT "account_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A staff member has no merchant; a merchant user has exactly one.
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_role_merchant_check" CHECK (
  (role IN ('admin', 'analyst') AND merchant_id IS NULL)
  OR (role IN ('owner', 'developer', 'viewer') AND merchant_id IS NOT NULL)
);
-- Sign-in lower-cases the address it looks up, so a mixed-case row could never sign in.
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_email_lower_check" CHECK (email = lower(email));

-- The audit trail and the alert decisions are evidence: append-only, like merchant_block_event.
CREATE FUNCTION refuse_append_only_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER audit_event_append_only
  BEFORE UPDATE OR DELETE ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();

CREATE TRIGGER risk_alert_decision_append_only
  BEFORE UPDATE OR DELETE ON "risk_alert_decision"
  FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change();
