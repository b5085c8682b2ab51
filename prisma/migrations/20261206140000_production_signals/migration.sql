-- CreateEnum
CREATE TYPE "signal_source" AS ENUM ('ALERTMANAGER', 'API');

-- CreateEnum
CREATE TYPE "signal_status" AS ENUM ('FIRING', 'RESOLVED');

-- AlterEnum
ALTER TYPE "audit_action" ADD VALUE 'SIGNAL_MATCHING_CHANGED';

-- AlterTable
ALTER TABLE "notification_preferences" ADD COLUMN "critical_signal" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "releases" ADD COLUMN     "signal_announced_at" TIMESTAMPTZ(3),
ADD COLUMN     "signals_critical" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "signals_firing" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "signals_warning" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "signals" (
    "id" UUID NOT NULL,
    "source" "signal_source" NOT NULL,
    "fingerprint" VARCHAR(128) NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3),
    "status" "signal_status" NOT NULL,
    "severity" VARCHAR(40) NOT NULL,
    "summary" VARCHAR(500) NOT NULL,
    "url" VARCHAR(2000),
    "labels" JSONB NOT NULL DEFAULT '{}',
    "product_id" UUID,
    "environment" "stage_key",
    "unmatched_reason" VARCHAR(40),
    "received_count" INTEGER NOT NULL DEFAULT 1,
    "last_received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "signals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "signal_releases" (
    "signal_id" UUID NOT NULL,
    "release_id" UUID NOT NULL,

    CONSTRAINT "signal_releases_pkey" PRIMARY KEY ("signal_id","release_id")
);

-- CreateTable
CREATE TABLE "signal_matchings" (
    "product_id" UUID NOT NULL,
    "product_labels" VARCHAR(100)[],
    "environment_labels" VARCHAR(100)[],
    "environment_values" JSONB NOT NULL,
    "severities" VARCHAR(40)[],
    "updated_by_id" UUID NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "signal_matchings_pkey" PRIMARY KEY ("product_id")
);

-- CreateIndex
CREATE INDEX "signals_unmatched_reason_last_received_at_idx" ON "signals"("unmatched_reason", "last_received_at");

-- CreateIndex
CREATE UNIQUE INDEX "signals_fingerprint_starts_at_key" ON "signals"("fingerprint", "starts_at");

-- CreateIndex
CREATE INDEX "signal_releases_release_id_idx" ON "signal_releases"("release_id");

-- AddForeignKey
ALTER TABLE "signals" ADD CONSTRAINT "signals_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signal_releases" ADD CONSTRAINT "signal_releases_signal_id_fkey" FOREIGN KEY ("signal_id") REFERENCES "signals"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signal_releases" ADD CONSTRAINT "signal_releases_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signal_matchings" ADD CONSTRAINT "signal_matchings_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "signal_matchings" ADD CONSTRAINT "signal_matchings_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Counts are never negative; a signal ends after it starts.
ALTER TABLE "releases" ADD CONSTRAINT "releases_signal_counts" CHECK ("signals_critical" >= 0 AND "signals_warning" >= 0 AND "signals_firing" >= 0);
ALTER TABLE "signals" ADD CONSTRAINT "signals_ends_after_start" CHECK ("ends_at" IS NULL OR "ends_at" >= "starts_at");
