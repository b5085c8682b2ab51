-- AlterTable
ALTER TABLE "releases" ADD COLUMN     "lead_time_working_days" INTEGER,
ADD COLUMN     "live_slip_working_days" INTEGER;

-- AlterTable
ALTER TABLE "stage_windows" ADD COLUMN     "taken_working_days" INTEGER;

-- A partial index for the delivery report's stages signed off in a period.
CREATE INDEX "stage_windows_signed_off_idx" ON "stage_windows" ("actual_end")
    WHERE "status" = 'SIGNED_OFF';

-- The facts are computed with the stored forecast (lib/server/releases/stored-forecast.ts) and
-- share its staleness: mark every stored forecast stale so that the next refresh fills them in.
UPDATE "releases" SET "forecast_from" = NULL, "forecast_stamp" = "forecast_stamp" + 1;
