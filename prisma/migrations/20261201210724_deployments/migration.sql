/*
  Warnings:

  - A unique constraint covering the columns `[last_deployment_id]` on the table `stage_windows` will be added. If there are existing duplicate values, this will fail.

*/
-- CreateEnum
CREATE TYPE "deployment_status" AS ENUM ('STARTED', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "deployment_flag" AS ENUM ('ARTIFACT_MISMATCH', 'OUT_OF_ORDER');

-- AlterEnum
ALTER TYPE "audit_action" ADD VALUE 'DEPLOYMENT_RECORDED';

-- AlterTable
ALTER TABLE "releases" ADD COLUMN     "deployment_flags" "deployment_flag"[] DEFAULT ARRAY[]::"deployment_flag"[];

-- AlterTable
ALTER TABLE "stage_windows" ADD COLUMN     "last_deployment_id" UUID;

-- CreateTable
CREATE TABLE "deployments" (
    "id" UUID NOT NULL,
    "release_id" UUID NOT NULL,
    "environment" "stage_key" NOT NULL,
    "status" "deployment_status" NOT NULL,
    "version" VARCHAR(128) NOT NULL,
    "digest" VARCHAR(160),
    "at" TIMESTAMPTZ(3) NOT NULL,
    "source" VARCHAR(64),
    "url" VARCHAR(2000),
    "delivery_id" VARCHAR(200),
    "flags" "deployment_flag"[] DEFAULT ARRAY[]::"deployment_flag"[],
    "reported_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "deployments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "deployments_delivery_id_key" ON "deployments"("delivery_id");

-- CreateIndex
CREATE INDEX "deployments_release_id_at_idx" ON "deployments"("release_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "stage_windows_last_deployment_id_key" ON "stage_windows"("last_deployment_id");

-- AddForeignKey
ALTER TABLE "stage_windows" ADD CONSTRAINT "stage_windows_last_deployment_id_fkey" FOREIGN KEY ("last_deployment_id") REFERENCES "deployments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_reported_by_id_fkey" FOREIGN KEY ("reported_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A deployment always has a (possibly empty) list of flags.
UPDATE "deployments" SET "flags" = ARRAY[]::"deployment_flag"[] WHERE "flags" IS NULL;
ALTER TABLE "deployments" ALTER COLUMN "flags" SET NOT NULL;
UPDATE "releases" SET "deployment_flags" = ARRAY[]::"deployment_flag"[] WHERE "deployment_flags" IS NULL;
ALTER TABLE "releases" ALTER COLUMN "deployment_flags" SET NOT NULL;

-- Rules the database keeps itself (Prisma does not model CHECK constraints or partial indexes).
ALTER TABLE "deployments"
    ADD CONSTRAINT "deployments_url_is_http" CHECK ("url" IS NULL OR "url" ~ '^https?://');

-- A version (artifact tag) names at most one release that is not cancelled: a deployment reported
-- by its tag must find one release. Existing duplicates cannot be resolved automatically (which
-- release a tag really is, is for people to say), so the migration stops and names them.
DO $$
DECLARE
    duplicates TEXT;
BEGIN
    SELECT string_agg(format('%s (%s releases)', "version", n), ', ')
      INTO duplicates
      FROM (SELECT "version", count(*) AS n FROM "releases"
             WHERE "status" <> 'CANCELLED' GROUP BY "version" HAVING count(*) > 1) AS taken;
    IF duplicates IS NOT NULL THEN
        RAISE EXCEPTION 'Versions shared by releases that are not cancelled: %. Give each release its own version (or cancel the stray one), then migrate again.', duplicates;
    END IF;
END $$;
CREATE UNIQUE INDEX "releases_version_not_cancelled_key" ON "releases"("version") WHERE "status" <> 'CANCELLED';
