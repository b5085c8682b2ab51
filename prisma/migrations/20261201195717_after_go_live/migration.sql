-- The honest forecast keeps the original go-live beside the baseline; life after go-live
-- (observation window, outcome) and the rollout of the PROD stage.
-- CreateEnum
CREATE TYPE "release_outcome" AS ENUM ('KEPT', 'ROLLED_BACK', 'ROLLED_FORWARD');

-- CreateEnum
CREATE TYPE "rollout_strategy" AS ENUM ('BIG_BANG', 'STAGGERED', 'CANARY', 'DARK_LAUNCH');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "audit_action" ADD VALUE 'RELEASE_OUTCOME';
ALTER TYPE "audit_action" ADD VALUE 'ROLLOUT_PLANNED';
ALTER TYPE "audit_action" ADD VALUE 'ROLLOUT_STEP_DONE';

-- AlterTable
ALTER TABLE "app_settings" ADD COLUMN     "observation_working_days" INTEGER NOT NULL DEFAULT 5;

-- AlterTable
ALTER TABLE "releases" ADD COLUMN     "original_go_live" DATE,
ADD COLUMN     "outcome" "release_outcome",
ADD COLUMN     "outcome_comment" VARCHAR(2000),
ADD COLUMN     "outcome_patch_id" UUID,
ADD COLUMN     "outcome_recorded_at" TIMESTAMPTZ(3),
ADD COLUMN     "outcome_recorded_by_id" UUID,
ADD COLUMN     "restored_on" DATE,
ADD COLUMN     "rolled_back_to" VARCHAR(128),
ADD COLUMN     "rollout_go_live" DATE,
ADD COLUMN     "rollout_flags" VARCHAR(120)[] DEFAULT ARRAY[]::VARCHAR(120)[],
ADD COLUMN     "rollout_strategy" "rollout_strategy" NOT NULL DEFAULT 'BIG_BANG';

-- The original go-live is the one the release was created with (its first audit event), else
-- the baseline.
UPDATE "releases" AS r SET "original_go_live" = COALESCE(
    (SELECT (e."after" ->> 'goLive')::date FROM "audit_events" AS e
      WHERE e."release_id" = r."id" AND e."action" = 'RELEASE_CREATED'
      ORDER BY e."id" LIMIT 1),
    r."baseline_go_live");
ALTER TABLE "releases" ALTER COLUMN "original_go_live" SET NOT NULL;
UPDATE "releases" SET "rollout_flags" = ARRAY[]::VARCHAR(120)[] WHERE "rollout_flags" IS NULL;
ALTER TABLE "releases" ALTER COLUMN "rollout_flags" SET NOT NULL;

-- CreateTable
CREATE TABLE "rollout_steps" (
    "id" UUID NOT NULL,
    "release_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "percent" INTEGER,
    "label" VARCHAR(120),
    "done_at" TIMESTAMPTZ(3),
    "done_by_id" UUID,

    CONSTRAINT "rollout_steps_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "rollout_steps_date_idx" ON "rollout_steps"("date");

-- CreateIndex
CREATE UNIQUE INDEX "rollout_steps_release_id_position_key" ON "rollout_steps"("release_id", "position");

-- AddForeignKey
ALTER TABLE "releases" ADD CONSTRAINT "releases_outcome_patch_id_fkey" FOREIGN KEY ("outcome_patch_id") REFERENCES "releases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "releases" ADD CONSTRAINT "releases_outcome_recorded_by_id_fkey" FOREIGN KEY ("outcome_recorded_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rollout_steps" ADD CONSTRAINT "rollout_steps_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rollout_steps" ADD CONSTRAINT "rollout_steps_done_by_id_fkey" FOREIGN KEY ("done_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Rules the database keeps itself (Prisma does not model CHECK constraints).
ALTER TABLE "app_settings"
    ADD CONSTRAINT "app_settings_observation_range" CHECK ("observation_working_days" BETWEEN 1 AND 60);
ALTER TABLE "releases"
    ADD CONSTRAINT "releases_outcome_only_when_live" CHECK ("outcome" IS NULL OR "status" = 'LIVE'),
    ADD CONSTRAINT "releases_rolled_forward_has_patch" CHECK (("outcome" = 'ROLLED_FORWARD') = ("outcome_patch_id" IS NOT NULL)),
    ADD CONSTRAINT "releases_rolled_back_has_version" CHECK (("outcome" = 'ROLLED_BACK') = ("rolled_back_to" IS NOT NULL));
ALTER TABLE "rollout_steps"
    ADD CONSTRAINT "rollout_steps_position_positive" CHECK ("position" >= 1),
    ADD CONSTRAINT "rollout_steps_percent_range" CHECK ("percent" IS NULL OR "percent" BETWEEN 1 AND 100);
