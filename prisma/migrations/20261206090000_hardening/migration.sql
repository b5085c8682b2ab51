-- Hardening (issue 21).

-- A deployment's deliveryId is unique per reporter: another reporter's key never answers (or
-- collides with) someone else's record.
DROP INDEX "deployments_delivery_id_key";
CREATE UNIQUE INDEX "deployments_reported_by_id_delivery_id_key" ON "deployments"("reported_by_id", "delivery_id");

-- API tokens live at most this many days (an admin setting); tokens that never expired now expire
-- a full lifetime from today, not at once.
ALTER TABLE "app_settings" ADD COLUMN "token_max_lifetime_days" INTEGER NOT NULL DEFAULT 365;
ALTER TABLE "app_settings"
    ADD CONSTRAINT "app_settings_token_max_lifetime_days_range" CHECK ("token_max_lifetime_days" BETWEEN 1 AND 3650);
UPDATE "api_tokens" SET "expires_at" = now() + interval '365 days'
 WHERE "expires_at" IS NULL AND "revoked_at" IS NULL;
