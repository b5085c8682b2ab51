-- Release trains (issue 22): a product's cadence, and the train date of the releases it planned.

-- AlterEnum
ALTER TYPE "audit_action" ADD VALUE 'TRAIN_CHANGED';

-- AlterTable
ALTER TABLE "releases" ADD COLUMN "train_date" DATE;

-- CreateTable
CREATE TABLE "release_trains" (
    "product_id" UUID NOT NULL,
    "rule" VARCHAR(500) NOT NULL,
    "first_go_live" DATE NOT NULL,
    "name_pattern" VARCHAR(120) NOT NULL,
    "version_pattern" VARCHAR(128) NOT NULL,
    "region" VARCHAR(16),
    "updated_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "release_trains_pkey" PRIMARY KEY ("product_id")
);

-- AddForeignKey
ALTER TABLE "release_trains" ADD CONSTRAINT "release_trains_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "release_trains" ADD CONSTRAINT "release_trains_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One release (not cancelled) per train date of a product: planning the next N twice, or at once,
-- cannot create a train date twice.
CREATE UNIQUE INDEX "releases_train_date_not_cancelled_key" ON "releases" ("product_id", "train_date")
    WHERE "train_date" IS NOT NULL AND "status" <> 'CANCELLED';
