-- Deployment windows, the gate and its exceptions (issue 23).

-- CreateEnum
CREATE TYPE "window_kind" AS ENUM ('ALLOW', 'DENY');

-- CreateEnum
CREATE TYPE "gate_exception_state" AS ENUM ('REQUESTED', 'APPROVED', 'REFUSED', 'EXPIRED');

-- AlterEnum
ALTER TYPE "audit_action" ADD VALUE 'WINDOW_CHANGED';
ALTER TYPE "audit_action" ADD VALUE 'EXCEPTION_REQUESTED';
ALTER TYPE "audit_action" ADD VALUE 'EXCEPTION_APPROVED';
ALTER TYPE "audit_action" ADD VALUE 'EXCEPTION_REFUSED';
ALTER TYPE "audit_action" ADD VALUE 'EXCEPTION_EXPIRED';

-- AlterTable
ALTER TABLE "notification_preferences" ADD COLUMN "gate_exception" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "deployment_windows" (
    "id" UUID NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "kind" "window_kind" NOT NULL,
    "environments" "stage_key"[],
    "rule" VARCHAR(500) NOT NULL,
    "start_time" VARCHAR(5) NOT NULL,
    "duration_minutes" INTEGER NOT NULL,
    "starts_on" DATE NOT NULL,
    "updated_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "deployment_windows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deployment_window_products" (
    "window_id" UUID NOT NULL,
    "product_id" UUID NOT NULL,

    CONSTRAINT "deployment_window_products_pkey" PRIMARY KEY ("window_id","product_id")
);

-- CreateTable
CREATE TABLE "gate_exceptions" (
    "id" UUID NOT NULL,
    "release_id" UUID NOT NULL,
    "environment" "stage_key" NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "reason" VARCHAR(2000) NOT NULL,
    "state" "gate_exception_state" NOT NULL DEFAULT 'REQUESTED',
    "requested_by_id" UUID NOT NULL,
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "decision_comment" VARCHAR(2000),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "gate_exceptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "gate_checks" (
    "id" BIGSERIAL NOT NULL,
    "release_id" UUID,
    "environment" "stage_key" NOT NULL,
    "version" VARCHAR(128),
    "digest" VARCHAR(160),
    "open" BOOLEAN NOT NULL,
    "reasons" JSONB NOT NULL DEFAULT '[]',
    "actor_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "gate_checks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "deployment_window_products_product_id_idx" ON "deployment_window_products"("product_id");

-- CreateIndex
CREATE INDEX "gate_exceptions_release_id_environment_state_idx" ON "gate_exceptions"("release_id", "environment", "state");

-- CreateIndex
CREATE INDEX "gate_exceptions_state_ends_at_idx" ON "gate_exceptions"("state", "ends_at");

-- CreateIndex
CREATE INDEX "gate_checks_release_id_created_at_idx" ON "gate_checks"("release_id", "created_at");

-- CreateIndex
CREATE INDEX "gate_checks_created_at_idx" ON "gate_checks"("created_at");

-- AddForeignKey
ALTER TABLE "deployment_windows" ADD CONSTRAINT "deployment_windows_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deployment_window_products" ADD CONSTRAINT "deployment_window_products_window_id_fkey" FOREIGN KEY ("window_id") REFERENCES "deployment_windows"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deployment_window_products" ADD CONSTRAINT "deployment_window_products_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gate_exceptions" ADD CONSTRAINT "gate_exceptions_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gate_exceptions" ADD CONSTRAINT "gate_exceptions_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gate_exceptions" ADD CONSTRAINT "gate_exceptions_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gate_checks" ADD CONSTRAINT "gate_checks_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- What the database guarantees besides the application: a window lasts a minute to a year, starts
-- at a real time of day and speaks for at least one environment; an exception ends after it starts.
ALTER TABLE "deployment_windows" ADD CONSTRAINT "deployment_windows_duration_check"
    CHECK ("duration_minutes" BETWEEN 1 AND 527040);
ALTER TABLE "deployment_windows" ADD CONSTRAINT "deployment_windows_start_time_check"
    CHECK ("start_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');
ALTER TABLE "deployment_windows" ADD CONSTRAINT "deployment_windows_environments_check"
    CHECK (cardinality("environments") >= 1);
ALTER TABLE "gate_exceptions" ADD CONSTRAINT "gate_exceptions_range_check"
    CHECK ("ends_at" > "starts_at");
