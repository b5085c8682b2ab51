-- CreateEnum
CREATE TYPE "notes_state" AS ENUM ('DRAFT', 'PUBLISHED');

-- AlterEnum
ALTER TYPE "audit_action" ADD VALUE 'RELEASE_NOTES_UPDATED';
ALTER TYPE "audit_action" ADD VALUE 'RELEASE_NOTES_PUBLISHED';

-- AlterTable
ALTER TABLE "notification_preferences" ADD COLUMN     "slip_threshold_working_days" SMALLINT NOT NULL DEFAULT 2,
ADD COLUMN     "watch_changed" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "watch_shipped" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "release_notes" (
    "release_id" UUID NOT NULL,
    "markdown" TEXT NOT NULL,
    "state" "notes_state" NOT NULL DEFAULT 'DRAFT',
    "published_at" TIMESTAMPTZ(3),
    "updated_by_id" UUID NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "release_notes_pkey" PRIMARY KEY ("release_id")
);

-- CreateTable
CREATE TABLE "watches" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "product_id" UUID,
    "release_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "watches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "watch_notices" (
    "user_id" UUID NOT NULL,
    "release_id" UUID NOT NULL,
    "go_live" DATE NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "watch_notices_pkey" PRIMARY KEY ("user_id","release_id")
);

-- CreateIndex
CREATE INDEX "release_notes_state_published_at_idx" ON "release_notes"("state", "published_at");

-- CreateIndex
CREATE INDEX "watches_product_id_idx" ON "watches"("product_id");

-- CreateIndex
CREATE INDEX "watches_release_id_idx" ON "watches"("release_id");

-- CreateIndex
CREATE UNIQUE INDEX "watches_user_id_product_id_key" ON "watches"("user_id", "product_id");

-- CreateIndex
CREATE UNIQUE INDEX "watches_user_id_release_id_key" ON "watches"("user_id", "release_id");

-- AddForeignKey
ALTER TABLE "release_notes" ADD CONSTRAINT "release_notes_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "release_notes" ADD CONSTRAINT "release_notes_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "watches" ADD CONSTRAINT "watches_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "watches" ADD CONSTRAINT "watches_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "watches" ADD CONSTRAINT "watches_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "watch_notices" ADD CONSTRAINT "watch_notices_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "watch_notices" ADD CONSTRAINT "watch_notices_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A watch follows a product or a release, never both or neither.
ALTER TABLE "watches" ADD CONSTRAINT "watches_one_target" CHECK (("product_id" IS NULL) <> ("release_id" IS NULL));

-- Published notes say when; drafts do not.
ALTER TABLE "release_notes" ADD CONSTRAINT "release_notes_published_at" CHECK (("state" = 'PUBLISHED') = ("published_at" IS NOT NULL));

ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_slip_threshold" CHECK ("slip_threshold_working_days" BETWEEN 0 AND 60);
