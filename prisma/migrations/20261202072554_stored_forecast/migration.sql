-- AlterTable
ALTER TABLE "releases" ADD COLUMN     "forecast_end" DATE,
ADD COLUMN     "forecast_from" DATE,
ADD COLUMN     "forecast_go_live" DATE,
ADD COLUMN     "forecast_at_risk" BOOLEAN,
ADD COLUMN     "forecast_stamp" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "forecast_start" DATE,
ADD COLUMN     "forecast_until" DATE;

-- CreateIndex
CREATE INDEX "releases_forecast_end_forecast_start_idx" ON "releases"("forecast_end", "forecast_start");


-- The stored forecast is a cache of lib/domain/progress.ts, refreshed by the app
-- (lib/server/releases/stored-forecast.ts). The database marks it stale itself whenever what it is
-- computed from changes, so that no write path of the app can forget to: a stage's dates or status,
-- stages added or removed, the release's status, region or baseline go-live (at risk is measured
-- against it), and the calendar periods (holidays, closures, freezes). A stale forecast costs a
-- view only speed: the view reads stale releases too.
CREATE FUNCTION "releases_forecast_stale_by_stage"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "releases" SET "forecast_from" = NULL, "forecast_stamp" = "forecast_stamp" + 1
    WHERE "id" = NEW."release_id";
    RETURN NULL;
END;
$$;

CREATE TRIGGER "stage_windows_forecast_stale"
    AFTER UPDATE OF "status", "planned_start", "planned_end", "actual_start", "actual_end", "working_days"
    ON "stage_windows"
    FOR EACH ROW
    WHEN (OLD."status" IS DISTINCT FROM NEW."status"
       OR OLD."planned_start" IS DISTINCT FROM NEW."planned_start"
       OR OLD."planned_end" IS DISTINCT FROM NEW."planned_end"
       OR OLD."actual_start" IS DISTINCT FROM NEW."actual_start"
       OR OLD."actual_end" IS DISTINCT FROM NEW."actual_end"
       OR OLD."working_days" IS DISTINCT FROM NEW."working_days"
       OR OLD."release_id" IS DISTINCT FROM NEW."release_id")
    EXECUTE FUNCTION "releases_forecast_stale_by_stage"();

CREATE FUNCTION "releases_forecast_stale_by_stage_rows"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "releases" SET "forecast_from" = NULL, "forecast_stamp" = "forecast_stamp" + 1
    WHERE "id" IN (SELECT "release_id" FROM "changed_stages");
    RETURN NULL;
END;
$$;

CREATE TRIGGER "stage_windows_inserted_forecast_stale"
    AFTER INSERT ON "stage_windows"
    REFERENCING NEW TABLE AS "changed_stages"
    FOR EACH STATEMENT EXECUTE FUNCTION "releases_forecast_stale_by_stage_rows"();

CREATE TRIGGER "stage_windows_deleted_forecast_stale"
    AFTER DELETE ON "stage_windows"
    REFERENCING OLD TABLE AS "changed_stages"
    FOR EACH STATEMENT EXECUTE FUNCTION "releases_forecast_stale_by_stage_rows"();

CREATE FUNCTION "releases_forecast_stale_by_release"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW."forecast_from" := NULL;
    NEW."forecast_stamp" := OLD."forecast_stamp" + 1;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "releases_forecast_stale"
    BEFORE UPDATE OF "status", "region", "baseline_go_live" ON "releases"
    FOR EACH ROW
    WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."region" IS DISTINCT FROM NEW."region"
       OR OLD."baseline_go_live" IS DISTINCT FROM NEW."baseline_go_live")
    EXECUTE FUNCTION "releases_forecast_stale_by_release"();

CREATE FUNCTION "releases_forecast_stale_all"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "releases" SET "forecast_from" = NULL, "forecast_stamp" = "forecast_stamp" + 1
    WHERE "forecast_from" IS NOT NULL;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "calendar_periods_forecast_stale"
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "calendar_periods"
    FOR EACH STATEMENT EXECUTE FUNCTION "releases_forecast_stale_all"();
