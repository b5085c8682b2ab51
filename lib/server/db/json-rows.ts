import "server-only";

import { Prisma } from "@/generated/prisma/client";

import { getDb } from "./client";

/**
 * Rows that PostgreSQL builds as JSON, read as one document and parsed once. For reads of thousands
 * of rows (a view's window over a large portfolio): Prisma maps every column of every row and turns
 * every date into a Date (a constructor Next.js wraps on servers), which costs more than the query;
 * here dates arrive as ISO day strings (`date` in JSON is `YYYY-MM-DD`). `select` yields one
 * column, `doc`, the row as JSON; its order is kept.
 */
export async function queryJsonRows<T>(select: Prisma.Sql): Promise<T[]> {
  const [result] = await getDb().$queryRaw<{ rows: string }[]>`
    SELECT coalesce(json_agg(x.doc), '[]')::text AS rows FROM (${select}) AS x`;
  return JSON.parse(result!.rows) as T[];
}

/** The ids as one array parameter (`= ANY(...)`): the statement's parameters do not grow with them. */
export function idList(ids: readonly string[]): Prisma.Sql {
  return Prisma.sql`${[...ids]}::uuid[]`;
}

/**
 * A release's six stage windows in process order as a JSON array of StageDates
 * (lib/domain/release.ts); `release` is the alias of the releases table in the statement.
 */
export function stageDatesJson(release: string): Prisma.Sql {
  return Prisma.sql`(SELECT json_agg(json_build_object(
      'key', w.key, 'status', w.status,
      'plannedStart', w.planned_start, 'plannedEnd', w.planned_end,
      'actualStart', w.actual_start, 'actualEnd', w.actual_end,
      'workingDays', w.working_days) ORDER BY w.key)
    FROM stage_windows w WHERE w.release_id = ${Prisma.raw(`"${release}"`)}.id)`;
}
