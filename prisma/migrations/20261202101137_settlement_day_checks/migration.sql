-- AlterTable
ALTER TABLE "settlement_day" ADD COLUMN     "checked_at" TIMESTAMPTZ(3);
