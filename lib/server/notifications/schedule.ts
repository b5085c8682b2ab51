import "server-only";

// The daily jobs: approvals overdue, go-live on the next working day, releases that became at
// risk, watched go-lives the forecast moved. Each runs once per company day however many instances there are: the instance that
// inserts the (job, day) row runs it, in the same transaction as the events it writes.
import { isoToDate, type IsoDate } from "@/lib/domain/dates";
import { OPEN_STATUSES, UNDER_WAY_STATUSES } from "@/lib/domain/release-status";
import type { PlanningSettings } from "@/lib/domain/settings";
import { calendarFor } from "@/lib/server/calendars";
import type { DbTransaction } from "@/lib/server/db/client";
import { getDb } from "@/lib/server/db/client";
import { tellMovedGoLives } from "@/lib/server/notes/watches";
import { releaseContext } from "@/lib/server/releases/release-context";
import { releaseSelect, toReleaseDto } from "@/lib/server/releases/release-dto";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { companyToday } from "@/lib/server/today";

import { type OutboxDraft, writeOutboxEvents } from "./outbox";

export const DAILY_JOBS = [
  "overdue-reminders",
  "go-live-tomorrow",
  "at-risk",
  "watch-moves",
] as const;
type DailyJob = (typeof DAILY_JOBS)[number];

/** The hour (company time) from which a day's jobs run: people read them in the morning. */
export const DAILY_HOUR = 7;

function hourIn(timeZone: string, now: Date): number {
  return Number(
    new Intl.DateTimeFormat("en-GB", { hour: "2-digit", hourCycle: "h23", timeZone }).format(now),
  );
}

async function claimRun(tx: DbTransaction, job: DailyJob, day: IsoDate): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    INSERT INTO scheduled_runs (job, day) VALUES (${job}, ${isoToDate(day)}::date)
    ON CONFLICT DO NOTHING`;
  return inserted === 1;
}

async function draftsOf(
  tx: DbTransaction,
  job: DailyJob,
  settings: PlanningSettings,
  today: IsoDate,
): Promise<OutboxDraft[]> {
  const statuses = job === "overdue-reminders" ? OPEN_STATUSES : UNDER_WAY_STATUSES;
  const rows = await tx.release.findMany({
    where: {
      status: { in: [...statuses] },
      ...(job === "watch-moves" && {
        OR: [{ watches: { some: {} } }, { product: { watches: { some: {} } } }],
      }),
    },
    select: releaseSelect,
  });
  const context = releaseContext(settings, today);
  if (job === "watch-moves") {
    // A forecast that drifts day by day (an overdue stage) moves a go-live without any change.
    await tellMovedGoLives(
      tx,
      rows.map((row) => {
        const release = toReleaseDto(row, context);
        return {
          releaseId: row.id,
          productId: row.productId,
          region: row.region,
          status: release.status,
          goLive: release.forecastGoLive,
          reference: release.baselineGoLive,
        };
      }),
      settings,
    );
    return [];
  }
  const drafts: OutboxDraft[] = [];
  for (const row of rows) {
    const release = toReleaseDto(row, context);
    if (job === "overdue-reminders" && release.overdueStage) {
      drafts.push({
        event: "approvals.overdue",
        releaseId: row.id,
        stageKey: release.overdueStage,
      });
    }
    if (job === "go-live-tomorrow") {
      const next = calendarFor(row.region, settings.periods).nextWorkingDay(today);
      if (release.status !== "ON_HOLD" && release.forecastGoLive === next) {
        drafts.push({ event: "release.go_live_tomorrow", releaseId: row.id, stageKey: "PROD" });
      }
    }
    if (job === "at-risk") {
      // "Became at risk" fires once; a release back on track is cleared, so it may fire again.
      if (release.atRisk && !row.atRiskSince) {
        await tx.release.update({ where: { id: row.id }, data: { atRiskSince: isoToDate(today) } });
        drafts.push({
          event: "release.at_risk",
          releaseId: row.id,
          data: {
            forecastGoLive: release.forecastGoLive,
            baselineGoLive: release.baselineGoLive,
            overdueStage: release.overdueStage,
          },
        });
      } else if (!release.atRisk && row.atRiskSince) {
        await tx.release.update({ where: { id: row.id }, data: { atRiskSince: null } });
      }
    }
  }
  return drafts;
}

/** Runs the day's jobs not run yet (on working days, from DAILY_HOUR); answers which it ran. */
export async function runDailyJobs(now = new Date()): Promise<DailyJob[]> {
  const settings = await getPlanningSettings();
  const today = companyToday(settings.companyTimeZone, now);
  const calendar = calendarFor(settings.defaultRegion, settings.periods);
  if (!calendar.isWorkingDay(today) || hourIn(settings.companyTimeZone, now) < DAILY_HOUR)
    return [];
  const done = await getDb().scheduledRun.findMany({
    where: { day: isoToDate(today) },
    select: { job: true },
  });
  const ran: DailyJob[] = [];
  for (const job of DAILY_JOBS.filter((name) => !done.some((run) => run.job === name))) {
    const didRun = await getDb().$transaction(
      async (tx) => {
        if (!(await claimRun(tx, job, today))) return false;
        await writeOutboxEvents(tx, await draftsOf(tx, job, settings, today));
        return true;
      },
      { maxWait: 20_000, timeout: 120_000 },
    );
    if (didRun) ran.push(job);
  }
  return ran;
}
