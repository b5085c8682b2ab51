-- Promotion through Git (issue 25): a product's GitOps target and the promotions of releases.

-- CreateEnum
CREATE TYPE "promotion_state" AS ENUM ('WAITING', 'PUSHED', 'UNCHANGED', 'FAILED', 'DEPLOYED');

-- AlterEnum
ALTER TYPE "audit_action" ADD VALUE 'GITOPS_CHANGED';
ALTER TYPE "audit_action" ADD VALUE 'PROMOTION_REQUESTED';
ALTER TYPE "audit_action" ADD VALUE 'PROMOTION_PUSHED';
ALTER TYPE "audit_action" ADD VALUE 'PROMOTION_FAILED';

-- CreateTable
CREATE TABLE "gitops_targets" (
    "product_id" UUID NOT NULL,
    "repository" VARCHAR(500) NOT NULL,
    "branch" VARCHAR(200) NOT NULL,
    "username" VARCHAR(200),
    "token_sealed" VARCHAR(4000),
    "author_name" VARCHAR(120) NOT NULL,
    "author_email" VARCHAR(200) NOT NULL,
    "environments" JSONB NOT NULL,
    "updated_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "gitops_targets_pkey" PRIMARY KEY ("product_id")
);

-- CreateTable
CREATE TABLE "promotions" (
    "id" UUID NOT NULL,
    "release_id" UUID NOT NULL,
    "environment" "stage_key" NOT NULL,
    "state" "promotion_state" NOT NULL DEFAULT 'WAITING',
    "commit" VARCHAR(64),
    "commit_url" VARCHAR(700),
    "error" VARCHAR(1000),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3),
    "requested_by_id" UUID,
    "pushed_at" TIMESTAMPTZ(3),
    "deployed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "promotions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "promotions_state_next_attempt_at_idx" ON "promotions"("state", "next_attempt_at");

-- CreateIndex
CREATE INDEX "promotions_release_id_environment_idx" ON "promotions"("release_id", "environment");

-- AddForeignKey
ALTER TABLE "gitops_targets" ADD CONSTRAINT "gitops_targets_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gitops_targets" ADD CONSTRAINT "gitops_targets_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promotions" ADD CONSTRAINT "promotions_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- At most one promotion of a release to an environment is waiting or failing at a time: a sign-off
-- and a click at once, or two clicks, make one.
CREATE UNIQUE INDEX "promotions_open_key" ON "promotions" ("release_id", "environment")
    WHERE "state" IN ('WAITING', 'FAILED');
