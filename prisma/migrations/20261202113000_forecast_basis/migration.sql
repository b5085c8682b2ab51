-- CreateTable
CREATE TABLE "forecast_basis" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "basis" VARCHAR(64) NOT NULL,

    CONSTRAINT "forecast_basis_pkey" PRIMARY KEY ("id")
);

-- One row: what the stored forecasts were computed with (the rules' version and the holiday data's,
-- lib/server/releases/stored-forecast.ts). An app with a newer basis marks them all stale.
ALTER TABLE "forecast_basis" ADD CONSTRAINT "forecast_basis_single_row" CHECK ("id" = 1);
