-- CreateIndex
CREATE INDEX "releases_baseline_go_live_name_id_idx" ON "releases"("baseline_go_live", "name", "id");

-- CreateIndex
CREATE INDEX "releases_name_baseline_go_live_id_idx" ON "releases"("name", "baseline_go_live", "id");

-- The views' "still running" and "overdue" filters read the few unfinished stage windows, not all
-- of them (partial indexes: three years of signed-off stages stay out).
CREATE INDEX "stage_windows_running_idx" ON "stage_windows"("actual_start") WHERE "status" IN ('ACTIVE', 'REJECTED');
CREATE INDEX "stage_windows_unfinished_idx" ON "stage_windows"("planned_end") WHERE "status" <> 'SIGNED_OFF';
