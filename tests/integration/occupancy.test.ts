// The plan search reads where releases stand in the exclusive environments the fast way (flat stage
// windows for releases on time, a forecast only for the overdue ones): it must answer exactly what
// forecasting every release would, on the demo portfolio (overdue, held, rejected, signed-off and
// live releases, patches), whatever day it is.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { occupanciesOf, type Occupancy } from "@/lib/domain/conflicts";
import { addDays } from "@/lib/domain/dates";
import { STAGE_KEYS } from "@/lib/domain/stages";
import { readForecastOccupants } from "@/lib/server/environments/get-environment-usage";
import { forecastOccupancies } from "@/lib/server/planning/search-plan";
import { seedDemoData } from "@/lib/server/seed/seed-demo";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { companyToday } from "@/lib/server/today";

import { createTestDatabase, type TestDatabase } from "../support/test-database";

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
});
afterAll(() => db.close());

const key = (o: Occupancy) => `${o.releaseId}|${o.environment}|${o.start}|${o.end}`;

describe("the plan search's occupancy", () => {
  it("is what forecasting every release gives, in every capacity-limited environment", async () => {
    const settings = await getPlanningSettings();
    const today = companyToday(settings.companyTimeZone);
    const limited = STAGE_KEYS.filter((stage) => settings.capacity[stage] !== null);
    for (const [from, to] of [
      [-120, 30],
      [-30, 120],
      [0, 400],
    ] as const) {
      const range = { start: addDays(today, from), end: addDays(today, to) };
      const reference = (await readForecastOccupants(range, settings, today))
        .filter((release) => release.status !== "LIVE")
        .flatMap((release) =>
          occupanciesOf(
            release,
            release.stages.filter(
              (stage) =>
                limited.includes(stage.key) && stage.end >= range.start && stage.start <= range.end,
            ),
          ),
        );
      const fast = await forecastOccupancies(range, settings, { today });
      expect(fast.map(key).sort()).toEqual(reference.map(key).sort());
      expect(reference.length).toBeGreaterThan(0);
    }
    // The demo has overdue releases: the forecast path is taken too.
    const overdue = await db.sql(
      `SELECT count(*)::int AS n FROM releases r WHERE r.status IN ('PLANNED','IN_PROGRESS','ON_HOLD')
         AND EXISTS (SELECT 1 FROM stage_windows o WHERE o.release_id = r.id
                       AND o.status <> 'SIGNED_OFF' AND o.planned_end < $1::date)`,
      [today],
    );
    expect(Number(overdue.rows[0]!.n)).toBeGreaterThan(0);
  });
});
