-- CreateTable
CREATE TABLE "refund_status_change" (
    "id" BIGSERIAL NOT NULL,
    "refund_id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "from_status" "RefundStatus" NOT NULL,
    "to_status" "RefundStatus" NOT NULL,
    "changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "refund_status_change_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "refund_status_change_payment_id_changed_at_idx" ON "refund_status_change"("payment_id", "changed_at");

-- Hand-written from here on: what schema.prisma cannot say.

-- Every path that moves a refund (submission, query, notification, a person) goes through this one UPDATE trigger,
-- so none can forget to record the change.
CREATE FUNCTION record_refund_status_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO refund_status_change (refund_id, payment_id, from_status, to_status)
  VALUES (NEW.id, NEW.payment_id, OLD.status, NEW.status);
  RETURN NULL;
END $$;

CREATE TRIGGER refund_status_history AFTER UPDATE OF status ON "refund" FOR EACH ROW
  WHEN (NEW.status IS DISTINCT FROM OLD.status) EXECUTE FUNCTION record_refund_status_change();
