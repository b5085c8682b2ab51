-- CreateIndex
CREATE INDEX "releases_forecast_from_idx" ON "releases"("forecast_from");

-- CreateIndex
CREATE INDEX "releases_forecast_until_idx" ON "releases"("forecast_until");

-- CreateIndex
CREATE INDEX "releases_forecast_go_live_idx" ON "releases"("forecast_go_live");
