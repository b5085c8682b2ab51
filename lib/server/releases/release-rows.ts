import "server-only";

import { Prisma } from "@/generated/prisma/client";
import { idList, queryJsonRows } from "@/lib/server/db/json-rows";

import type { ReleaseRow } from "./release-dto";

/** `ReleaseRow` as JSON carries it: every date and instant an ISO string. */
type Json<T> = T extends Date
  ? string
  : T extends (infer Item)[]
    ? Json<Item>[]
    : T extends object
      ? { [K in keyof T]: Json<T[K]> }
      : T;

const person = (alias: string) =>
  Prisma.raw(
    `json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'email', ${alias}.email)`,
  );

/** Rows a statement builds at most: a feed or an export of thousands reads in several. */
const CHUNK = 1000;

/**
 * Whole releases by id, in the order given, as `releaseSelect` reads them through Prisma — built as
 * JSON by PostgreSQL, a statement per thousand. For pages of hundreds (the API, My approvals) and
 * the feed and export of thousands: Prisma maps every field of every nested row one by one, which
 * costs four times the query. A test holds both readers to the same rows
 * (tests/integration/release-rows.test.ts).
 */
export async function readReleaseRows(ids: readonly string[]): Promise<ReleaseRow[]> {
  const rows: ReleaseRow[] = [];
  for (let start = 0; start < ids.length; start += CHUNK)
    rows.push(...(await readChunk(ids.slice(start, start + CHUNK))));
  return rows;
}

async function readChunk(ids: readonly string[]): Promise<ReleaseRow[]> {
  const rows = await queryJsonRows<Json<ReleaseRow>>(Prisma.sql`
    SELECT json_build_object(
      'id', r.id, 'name', r.name, 'version', r.version, 'digest', r.digest,
      'description', r.description, 'type', r.type, 'status', r.status,
      'statusReason', r.status_reason, 'region', r.region,
      'baselineGoLive', r.baseline_go_live, 'originalGoLive', r.original_go_live,
      'outcome', r.outcome, 'outcomeComment', r.outcome_comment, 'rolledBackTo', r.rolled_back_to,
      'restoredOn', r.restored_on, 'outcomeRecordedAt', r.outcome_recorded_at,
      'rolloutStrategy', r.rollout_strategy, 'rolloutGoLive', r.rollout_go_live,
      'rolloutFlags', r.rollout_flags, 'atRiskSince', r.at_risk_since,
      'signalsCritical', r.signals_critical, 'signalsWarning', r.signals_warning,
      'signalsFiring', r.signals_firing,
      'deploymentFlags', r.deployment_flags, 'parentId', r.parent_id, 'productId', r.product_id,
      'createdById', r.created_by_id, 'revision', r.revision,
      'createdAt', r.created_at, 'updatedAt', r.updated_at,
      'parent', (SELECT json_build_object('id', p.id, 'name', p.name, 'version', p.version)
        FROM releases p WHERE p.id = r.parent_id),
      'createdBy', (SELECT ${person("u")} FROM users u WHERE u.id = r.created_by_id),
      'outcomeRecordedBy', (SELECT ${person("u")} FROM users u
        WHERE u.id = r.outcome_recorded_by_id),
      'rolloutSteps', coalesce((SELECT json_agg(json_build_object(
          'id', s.id, 'position', s.position, 'date', s.date, 'percent', s.percent,
          'label', s.label, 'doneAt', s.done_at,
          'doneBy', (SELECT ${person("u")} FROM users u WHERE u.id = s.done_by_id))
          ORDER BY s.position)
        FROM rollout_steps s WHERE s.release_id = r.id), '[]'),
      'outcomePatch', (SELECT json_build_object('id', f.id, 'name', f.name,
          'version', f.version, 'status', f.status,
          'stages', coalesce((SELECT json_agg(json_build_object(
              'status', fp.status, 'actualEnd', fp.actual_end))
            FROM stage_windows fp WHERE fp.release_id = f.id AND fp.key = 'PROD'), '[]'))
        FROM releases f WHERE f.id = r.outcome_patch_id),
      'product', (SELECT json_build_object('key', pr.key, 'name', pr.name,
          'approvers', coalesce((SELECT json_agg(json_build_object('stageKey', pa.stage_key,
              'user', json_build_object('id', u.id, 'name', u.name, 'email', u.email,
                'isActive', u.is_active)) ORDER BY u.name)
            FROM product_approvers pa JOIN users u ON u.id = pa.user_id
            WHERE pa.product_id = pr.id), '[]'))
        FROM products pr WHERE pr.id = r.product_id),
      'stages', (SELECT json_agg(json_build_object(
          'id', w.id, 'key', w.key, 'status', w.status,
          'plannedStart', w.planned_start, 'plannedEnd', w.planned_end,
          'actualStart', w.actual_start, 'actualEnd', w.actual_end,
          'workingDays', w.working_days, 'approvalsRequired', w.approvals_required,
          'approvalRound', w.approval_round,
          'lastDeployment', (SELECT json_build_object('id', d.id, 'status', d.status,
              'version', d.version, 'digest', d.digest, 'at', d.at, 'source', d.source,
              'url', d.url, 'flags', d.flags)
            FROM deployments d WHERE d.id = w.last_deployment_id),
          'approvals', coalesce((SELECT json_agg(json_build_object(
              'id', a.id, 'userId', a.user_id, 'onBehalfOfId', a.on_behalf_of_id,
              'decision', a.decision, 'comment', a.comment, 'createdAt', a.created_at,
              'round', a.round,
              'user', (SELECT json_build_object('id', u.id, 'name', u.name, 'email', u.email,
                'role', u.role) FROM users u WHERE u.id = a.user_id),
              'onBehalfOf', (SELECT ${person("u")} FROM users u WHERE u.id = a.on_behalf_of_id))
              ORDER BY a.created_at, a.id)
            FROM approvals a WHERE a.stage_window_id = w.id), '[]'))
          ORDER BY w.key)
        FROM stage_windows w WHERE w.release_id = r.id)) AS doc
    FROM unnest(${idList(ids)}) WITH ORDINALITY AS page(id, position)
    JOIN releases r ON r.id = page.id
    ORDER BY page.position`);
  return rows.map(reviveDates);
}

const date = (value: string) => new Date(value);
const optionalDate = (value: string | null) => (value === null ? null : new Date(value));

/** The JSON row with its dates and instants as the Date objects Prisma hands out. */
function reviveDates(row: Json<ReleaseRow>): ReleaseRow {
  return {
    ...row,
    baselineGoLive: date(row.baselineGoLive),
    originalGoLive: date(row.originalGoLive),
    restoredOn: optionalDate(row.restoredOn),
    outcomeRecordedAt: optionalDate(row.outcomeRecordedAt),
    rolloutGoLive: optionalDate(row.rolloutGoLive),
    atRiskSince: optionalDate(row.atRiskSince),
    createdAt: date(row.createdAt),
    updatedAt: date(row.updatedAt),
    rolloutSteps: row.rolloutSteps.map((step) => ({
      ...step,
      date: date(step.date),
      doneAt: optionalDate(step.doneAt),
    })),
    outcomePatch: row.outcomePatch && {
      ...row.outcomePatch,
      stages: row.outcomePatch.stages.map((stage) => ({
        ...stage,
        actualEnd: optionalDate(stage.actualEnd),
      })),
    },
    stages: row.stages.map((stage) => ({
      ...stage,
      plannedStart: date(stage.plannedStart),
      plannedEnd: date(stage.plannedEnd),
      actualStart: optionalDate(stage.actualStart),
      actualEnd: optionalDate(stage.actualEnd),
      lastDeployment: stage.lastDeployment && {
        ...stage.lastDeployment,
        at: date(stage.lastDeployment.at),
      },
      approvals: stage.approvals.map((approval) => ({
        ...approval,
        createdAt: date(approval.createdAt),
      })),
    })),
  };
}
