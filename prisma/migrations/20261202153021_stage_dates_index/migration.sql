-- The views' stage windows answered from the index alone (see the comment in schema.prisma).
-- CreateIndex
CREATE INDEX "stage_windows_release_dates_idx" ON "stage_windows"("release_id", "key", "status", "planned_start", "planned_end", "actual_start", "actual_end", "working_days");
