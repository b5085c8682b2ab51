-- CreateEnum
CREATE TYPE "calendar_period_kind" AS ENUM ('NON_WORKING', 'FREEZE');

-- CreateEnum
CREATE TYPE "recurrence" AS ENUM ('ONE_OFF', 'YEARLY');

-- AlterEnum
ALTER TYPE "audit_action" ADD VALUE 'SETTINGS_CHANGED';

-- CreateTable
CREATE TABLE "stage_settings" (
    "key" "stage_key" NOT NULL,
    "working_days" INTEGER NOT NULL,
    "approvals_required" INTEGER NOT NULL,
    "allowed_roles" "role"[],
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "stage_settings_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "calendar_periods" (
    "id" UUID NOT NULL,
    "kind" "calendar_period_kind" NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,
    "region" VARCHAR(16),
    "recurrence" "recurrence" NOT NULL DEFAULT 'ONE_OFF',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "calendar_periods_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "environment_settings" (
    "key" "stage_key" NOT NULL,
    "capacity" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "environment_settings_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "app_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "default_region" VARCHAR(16) NOT NULL DEFAULT 'DE-BW',
    "company_time_zone" VARCHAR(64) NOT NULL DEFAULT 'Europe/Berlin',
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "app_settings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "calendar_periods_kind_start_date_end_date_idx" ON "calendar_periods"("kind", "start_date", "end_date");

-- Rules the database keeps itself.
ALTER TABLE "stage_settings"
    ADD CONSTRAINT "stage_settings_working_days_range" CHECK ("working_days" BETWEEN 1 AND 60),
    ADD CONSTRAINT "stage_settings_approvals_range" CHECK ("approvals_required" BETWEEN 1 AND 10),
    ADD CONSTRAINT "stage_settings_has_roles" CHECK (cardinality("allowed_roles") >= 1);
ALTER TABLE "calendar_periods"
    ADD CONSTRAINT "calendar_periods_order" CHECK (
        ("recurrence" = 'ONE_OFF' AND "start_date" <= "end_date") OR "recurrence" = 'YEARLY');
ALTER TABLE "environment_settings"
    ADD CONSTRAINT "environment_settings_capacity_positive" CHECK ("capacity" IS NULL OR "capacity" >= 1);
ALTER TABLE "app_settings"
    ADD CONSTRAINT "app_settings_single_row" CHECK ("id" = 1);

-- Defaults of the staging process (DOMAIN.md): 28 working days; LAST, INT and PREPROD exclusive.
INSERT INTO "stage_settings" ("key", "working_days", "approvals_required", "allowed_roles", "updated_at") VALUES
    ('DEV', 3, 1, ARRAY['QA', 'RELEASE_MANAGER']::"role"[], CURRENT_TIMESTAMP),
    ('TEST', 7, 1, ARRAY['QA']::"role"[], CURRENT_TIMESTAMP),
    ('LAST', 5, 1, ARRAY['QA']::"role"[], CURRENT_TIMESTAMP),
    ('INT', 5, 1, ARRAY['QA']::"role"[], CURRENT_TIMESTAMP),
    ('PREPROD', 7, 2, ARRAY['QA', 'RELEASE_MANAGER']::"role"[], CURRENT_TIMESTAMP),
    ('PROD', 1, 1, ARRAY['RELEASE_MANAGER']::"role"[], CURRENT_TIMESTAMP);

INSERT INTO "environment_settings" ("key", "capacity", "updated_at") VALUES
    ('DEV', NULL, CURRENT_TIMESTAMP),
    ('TEST', NULL, CURRENT_TIMESTAMP),
    ('LAST', 1, CURRENT_TIMESTAMP),
    ('INT', 1, CURRENT_TIMESTAMP),
    ('PREPROD', 1, CURRENT_TIMESTAMP),
    ('PROD', NULL, CURRENT_TIMESTAMP);

INSERT INTO "app_settings" ("id", "default_region", "company_time_zone", "updated_at")
    VALUES (1, 'DE-BW', 'Europe/Berlin', CURRENT_TIMESTAMP);
