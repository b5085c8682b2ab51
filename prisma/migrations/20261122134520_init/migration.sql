-- CreateEnum
CREATE TYPE "role" AS ENUM ('ADMIN', 'RELEASE_MANAGER', 'QA', 'VIEWER');

-- CreateEnum
CREATE TYPE "release_type" AS ENUM ('RELEASE', 'PATCH');

-- CreateEnum
CREATE TYPE "release_status" AS ENUM ('PLANNED', 'IN_PROGRESS', 'ON_HOLD', 'CANCELLED', 'LIVE');

-- CreateEnum
CREATE TYPE "stage_key" AS ENUM ('DEV', 'TEST', 'LAST', 'INT', 'PREPROD', 'PROD');

-- CreateEnum
CREATE TYPE "stage_status" AS ENUM ('PENDING', 'ACTIVE', 'REJECTED', 'SIGNED_OFF');

-- CreateEnum
CREATE TYPE "approval_decision" AS ENUM ('APPROVE', 'REJECT');

-- CreateEnum
CREATE TYPE "audit_action" AS ENUM ('RELEASE_CREATED', 'RELEASE_UPDATED', 'RELEASE_REPLANNED', 'RELEASE_HELD', 'RELEASE_RESUMED', 'RELEASE_CANCELLED', 'RELEASE_LIVE', 'STAGE_APPROVED', 'STAGE_REJECTED', 'STAGE_REOPENED', 'STAGE_SIGNED_OFF', 'STAGE_STARTED');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "role" "role" NOT NULL DEFAULT 'VIEWER',
    "password_hash" VARCHAR(100) NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "releases" (
    "id" UUID NOT NULL,
    "type" "release_type" NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "version" VARCHAR(128) NOT NULL,
    "digest" VARCHAR(160),
    "description" VARCHAR(4000),
    "region" VARCHAR(16) NOT NULL DEFAULT 'DE-BW',
    "status" "release_status" NOT NULL DEFAULT 'PLANNED',
    "status_reason" VARCHAR(1000),
    "baseline_go_live" DATE NOT NULL,
    "parent_id" UUID,
    "created_by_id" UUID NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "releases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "stage_windows" (
    "id" UUID NOT NULL,
    "release_id" UUID NOT NULL,
    "key" "stage_key" NOT NULL,
    "status" "stage_status" NOT NULL DEFAULT 'PENDING',
    "planned_start" DATE NOT NULL,
    "planned_end" DATE NOT NULL,
    "actual_start" DATE,
    "actual_end" DATE,
    "working_days" INTEGER NOT NULL,
    "approvals_required" INTEGER NOT NULL DEFAULT 1,
    "approval_round" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "stage_windows_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "approvals" (
    "id" UUID NOT NULL,
    "stage_window_id" UUID NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,
    "user_id" UUID NOT NULL,
    "decision" "approval_decision" NOT NULL,
    "comment" VARCHAR(2000),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "approvals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "action" "audit_action" NOT NULL,
    "actor_id" UUID,
    "release_id" UUID,
    "stage_key" "stage_key",
    "before" JSONB,
    "after" JSONB,
    "comment" VARCHAR(2000),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" UUID NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "user_id" UUID NOT NULL,
    "created_by_id" UUID NOT NULL,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "releases_status_baseline_go_live_idx" ON "releases"("status", "baseline_go_live");

-- CreateIndex
CREATE INDEX "releases_type_baseline_go_live_idx" ON "releases"("type", "baseline_go_live");

-- CreateIndex
CREATE INDEX "releases_parent_id_idx" ON "releases"("parent_id");

-- CreateIndex
CREATE INDEX "releases_created_by_id_idx" ON "releases"("created_by_id");

-- CreateIndex
CREATE INDEX "stage_windows_planned_start_planned_end_idx" ON "stage_windows"("planned_start", "planned_end");

-- CreateIndex
CREATE INDEX "stage_windows_key_planned_start_planned_end_idx" ON "stage_windows"("key", "planned_start", "planned_end");

-- CreateIndex
CREATE UNIQUE INDEX "stage_windows_release_id_key_key" ON "stage_windows"("release_id", "key");

-- CreateIndex
CREATE INDEX "approvals_user_id_created_at_idx" ON "approvals"("user_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "approvals_stage_window_id_round_user_id_key" ON "approvals"("stage_window_id", "round", "user_id");

-- CreateIndex
CREATE INDEX "audit_events_release_id_id_idx" ON "audit_events"("release_id", "id");

-- CreateIndex
CREATE INDEX "audit_events_actor_id_created_at_idx" ON "audit_events"("actor_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_events_created_at_idx" ON "audit_events"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens"("user_id");

-- AddForeignKey
ALTER TABLE "releases" ADD CONSTRAINT "releases_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "releases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "releases" ADD CONSTRAINT "releases_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "stage_windows" ADD CONSTRAINT "stage_windows_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_stage_window_id_fkey" FOREIGN KEY ("stage_window_id") REFERENCES "stage_windows"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Rules the database keeps itself (Prisma does not model CHECK constraints or triggers).
ALTER TABLE "stage_windows"
    ADD CONSTRAINT "stage_windows_planned_order" CHECK ("planned_start" <= "planned_end"),
    ADD CONSTRAINT "stage_windows_actual_order" CHECK ("actual_end" IS NULL OR "actual_start" IS NULL OR "actual_start" <= "actual_end"),
    ADD CONSTRAINT "stage_windows_working_days_positive" CHECK ("working_days" > 0),
    ADD CONSTRAINT "stage_windows_approvals_required_positive" CHECK ("approvals_required" >= 1),
    ADD CONSTRAINT "stage_windows_approval_round_positive" CHECK ("approval_round" >= 1);

ALTER TABLE "releases"
    ADD CONSTRAINT "releases_revision_positive" CHECK ("revision" >= 1),
    ADD CONSTRAINT "releases_patch_has_parent" CHECK (("type" = 'PATCH') = ("parent_id" IS NOT NULL));

-- The audit trail is append-only: the database refuses to change or remove any of it.
CREATE FUNCTION "audit_events_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "audit_events_no_update_or_delete"
    BEFORE UPDATE OR DELETE ON "audit_events"
    FOR EACH ROW EXECUTE FUNCTION "audit_events_refuse_change"();

CREATE TRIGGER "audit_events_no_truncate"
    BEFORE TRUNCATE ON "audit_events"
    FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_refuse_change"();
