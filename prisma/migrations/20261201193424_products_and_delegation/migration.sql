-- Products, named approver groups and delegations. Existing releases move into the product
-- "General", which also becomes the default product for clients that name none.
-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "audit_action" ADD VALUE 'PRODUCT_CREATED';
ALTER TYPE "audit_action" ADD VALUE 'PRODUCT_UPDATED';
ALTER TYPE "audit_action" ADD VALUE 'APPROVERS_CHANGED';
ALTER TYPE "audit_action" ADD VALUE 'DELEGATION_CREATED';
ALTER TYPE "audit_action" ADD VALUE 'DELEGATION_ENDED';

-- AlterTable
ALTER TABLE "app_settings" ADD COLUMN     "default_product_id" UUID;

-- AlterTable
ALTER TABLE "approvals" ADD COLUMN     "on_behalf_of_id" UUID;

-- CreateTable
CREATE TABLE "products" (
    "id" UUID NOT NULL,
    "key" VARCHAR(64) NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "description" VARCHAR(2000),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "products_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "product_owners" (
    "product_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,

    CONSTRAINT "product_owners_pkey" PRIMARY KEY ("product_id","user_id")
);

-- CreateTable
CREATE TABLE "product_approvers" (
    "product_id" UUID NOT NULL,
    "stage_key" "stage_key" NOT NULL,
    "user_id" UUID NOT NULL,

    CONSTRAINT "product_approvers_pkey" PRIMARY KEY ("product_id","stage_key","user_id")
);

-- CreateTable
CREATE TABLE "delegations" (
    "id" UUID NOT NULL,
    "delegator_id" UUID NOT NULL,
    "deputy_id" UUID NOT NULL,
    "start_date" DATE NOT NULL,
    "end_date" DATE NOT NULL,
    "ended_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "delegations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "products_key_key" ON "products"("key");

-- Every existing release joins the default product.
INSERT INTO "products" ("id", "key", "name", "description", "updated_at")
VALUES (gen_random_uuid(), 'general', 'General', 'Releases that name no product.', CURRENT_TIMESTAMP);
ALTER TABLE "releases" ADD COLUMN "product_id" UUID;
UPDATE "releases" SET "product_id" = (SELECT "id" FROM "products" WHERE "key" = 'general');
ALTER TABLE "releases" ALTER COLUMN "product_id" SET NOT NULL;
UPDATE "app_settings" SET "default_product_id" = (SELECT "id" FROM "products" WHERE "key" = 'general');

-- CreateIndex
CREATE UNIQUE INDEX "products_name_key" ON "products"("name");

-- CreateIndex
CREATE INDEX "product_owners_user_id_idx" ON "product_owners"("user_id");

-- CreateIndex
CREATE INDEX "product_approvers_user_id_idx" ON "product_approvers"("user_id");

-- CreateIndex
CREATE INDEX "delegations_deputy_id_start_date_end_date_idx" ON "delegations"("deputy_id", "start_date", "end_date");

-- CreateIndex
CREATE INDEX "delegations_delegator_id_start_date_idx" ON "delegations"("delegator_id", "start_date");

-- CreateIndex
CREATE INDEX "releases_product_id_baseline_go_live_idx" ON "releases"("product_id", "baseline_go_live");

-- AddForeignKey
ALTER TABLE "releases" ADD CONSTRAINT "releases_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "approvals" ADD CONSTRAINT "approvals_on_behalf_of_id_fkey" FOREIGN KEY ("on_behalf_of_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_settings" ADD CONSTRAINT "app_settings_default_product_id_fkey" FOREIGN KEY ("default_product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "product_owners" ADD CONSTRAINT "product_owners_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "product_owners" ADD CONSTRAINT "product_owners_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "product_approvers" ADD CONSTRAINT "product_approvers_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "product_approvers" ADD CONSTRAINT "product_approvers_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_delegator_id_fkey" FOREIGN KEY ("delegator_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_deputy_id_fkey" FOREIGN KEY ("deputy_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Rules the database keeps itself (Prisma does not model CHECK constraints).
ALTER TABLE "products"
    ADD CONSTRAINT "products_key_format" CHECK ("key" ~ '^[a-z0-9][a-z0-9-]{0,63}$');
ALTER TABLE "delegations"
    ADD CONSTRAINT "delegations_range_order" CHECK ("start_date" <= "end_date"),
    ADD CONSTRAINT "delegations_not_to_self" CHECK ("delegator_id" <> "deputy_id");
ALTER TABLE "approvals"
    ADD CONSTRAINT "approvals_not_on_behalf_of_self" CHECK ("on_behalf_of_id" IS NULL OR "on_behalf_of_id" <> "user_id");
