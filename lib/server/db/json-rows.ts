import "server-only";

import { Prisma } from "@/generated/prisma/client";
import type { IsoDate } from "@/lib/domain/dates";
import type { StageDates } from "@/lib/domain/release";
import type { StageKey, StageStatus } from "@/lib/domain/stages";

import { type DbTransaction, getDb } from "./client";

/**
 * Rows that PostgreSQL builds as JSON, read as one document and parsed once. For reads of thousands
 * of rows (a view's window over a large portfolio): Prisma maps every column of every row and turns
 * every date into a Date (a constructor Next.js wraps on servers), which costs more than the query;
 * here dates arrive as ISO day strings (`date` in JSON is `YYYY-MM-DD`). `select` yields one
 * column, `doc`, the row as JSON; its order is kept.
 */
export async function queryJsonRows<T>(
  select: Prisma.Sql,
  db: DbTransaction = getDb(),
): Promise<T[]> {
  const [result] = await db.$queryRaw<{ rows: string }[]>`
    SELECT coalesce(json_agg(x.doc), '[]')::text AS rows FROM (${select}) AS x`;
  return JSON.parse(result!.rows) as T[];
}

/** The ids as one array parameter (`= ANY(...)`): the statement's parameters do not grow with them. */
export function idList(ids: readonly string[]): Prisma.Sql {
  return Prisma.sql`${[...ids]}::uuid[]`;
}

/** A stage window as `stageDatesJson` sends it: compact, for thousands of releases at once. */
export type StageDatesJson = [
  key: StageKey,
  status: StageStatus,
  plannedStart: IsoDate,
  plannedEnd: IsoDate,
  actualStart: IsoDate | null,
  actualEnd: IsoDate | null,
  workingDays: number,
];

/**
 * A release's six stage windows in process order, as a JSON array of `StageDatesJson` (arrays, not
 * objects: PostgreSQL builds them in half the time); `release` is the alias of the releases table.
 */
export function stageDatesJson(release: string): Prisma.Sql {
  return Prisma.sql`(SELECT json_agg(json_build_array(w.key, w.status, w.planned_start,
      w.planned_end, w.actual_start, w.actual_end, w.working_days) ORDER BY w.key)
    FROM stage_windows w WHERE w.release_id = ${Prisma.raw(`"${release}"`)}.id)`;
}

/** The stage windows of `stageDatesJson` as StageDates. */
export function toStageDatesFromJson(stages: readonly StageDatesJson[]): StageDates[] {
  return stages.map(
    ([key, status, plannedStart, plannedEnd, actualStart, actualEnd, workingDays]) => ({
      key,
      status,
      plannedStart,
      plannedEnd,
      actualStart,
      actualEnd,
      workingDays,
    }),
  );
}
