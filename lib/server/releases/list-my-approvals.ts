import "server-only";

import { cache } from "react";

import { Prisma } from "@/generated/prisma/client";
import { afterGoLivePhase, observationEndOf } from "@/lib/domain/after-go-live";
import { addDays, type IsoDate } from "@/lib/domain/dates";
import { OPEN_STATUSES } from "@/lib/domain/release-status";
import { type ReleaseState, waitsFor } from "@/lib/domain/signoff";
import { STAGE_KEYS } from "@/lib/domain/stages";
import { can } from "@/lib/permissions";
import { calendarFor } from "@/lib/server/calendars";
import { idList, queryJsonRows } from "@/lib/server/db/json-rows";
import { delegatorsFor } from "@/lib/server/delegations/delegations";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { companyToday } from "@/lib/server/today";
import type { OutcomeDue, WaitingApproval, WhatWaits } from "@/lib/types/release";
import type { SessionUser } from "@/lib/types/user";

import { releaseContext } from "./release-context";
import { toReleaseDto } from "./release-dto";
import { readReleaseRows } from "./release-rows";

export type { OutcomeDue, WaitingApproval } from "@/lib/types/release";

/** Who decides, as of today; null when no stage lets any of their roles sign (a viewer). */
async function decisionScope(user: SessionUser) {
  const settings = await getPlanningSettings();
  const today = companyToday(settings.companyTimeZone);
  const delegators = await delegatorsFor(user.id, today);
  const roles = new Set([user.role, ...delegators.map((delegator) => delegator.role)]);
  if (!STAGE_KEYS.some((key) => settings.stageRules[key].allowedRoles.some((r) => roles.has(r))))
    return null;
  return { settings, today, delegators };
}

type DecisionCandidate = ReleaseState & { id: string; name: string };

/**
 * The releases with a stage open to decisions (an active one, or a planned DEV that is due), as
 * the sign-off rules read them, with only their current stage (the first not signed off: whether
 * a decision waits reads no other, and the stages behind carry most of the approvals). Built as
 * JSON by PostgreSQL: a large portfolio has hundreds, and every page's header counts them.
 */
function readDecisionCandidates(today: IsoDate): Promise<DecisionCandidate[]> {
  return queryJsonRows<DecisionCandidate>(Prisma.sql`
    SELECT json_build_object(
      'id', r.id, 'name', r.name, 'status', r.status, 'createdById', r.created_by_id,
      'stages', (SELECT json_agg(json_build_object(
          'key', w.key, 'status', w.status,
          'plannedStart', w.planned_start, 'plannedEnd', w.planned_end,
          'actualStart', w.actual_start, 'actualEnd', w.actual_end,
          'workingDays', w.working_days, 'approvalsRequired', w.approvals_required,
          'approvalRound', w.approval_round,
          'approverIds', array(SELECT pa.user_id FROM product_approvers pa
            WHERE pa.product_id = r.product_id AND pa.stage_key = w.key),
          'approvals', coalesce((SELECT json_agg(json_build_object(
              'userId', a.user_id, 'onBehalfOfId', a.on_behalf_of_id,
              'decision', a.decision, 'round', a.round))
            FROM approvals a WHERE a.stage_window_id = w.id), '[]')))
        FROM (SELECT * FROM stage_windows cur WHERE cur.release_id = r.id
          AND cur.status <> 'SIGNED_OFF' ORDER BY cur.key LIMIT 1) w)) AS doc
    FROM releases r
    WHERE r.status = ANY(${[...OPEN_STATUSES]}::release_status[])
      AND EXISTS (SELECT 1 FROM stage_windows due WHERE due.release_id = r.id
        AND (due.status = 'ACTIVE'
          OR (due.status = 'PENDING' AND due.key = 'DEV' AND due.planned_start <= ${today}::date)))`);
}

/**
 * The stages waiting for the person, the most urgent (earliest planned end) first, decided on lean
 * rows. Read once per request: the header's badge and My approvals both ask.
 */
const waitingStages = cache(async (user: SessionUser) => {
  const scope = await decisionScope(user);
  if (!scope) return null;
  const rows = await readDecisionCandidates(scope.today);
  const waiting = rows
    .flatMap((row) => {
      const waiting = waitsFor(row, user, scope.settings.stageRules, scope.delegators);
      if (!waiting) return [];
      const stage = row.stages.find((s) => s.key === waiting.key)!;
      // A planned release waits for its DEV sign-off only once DEV is due.
      if (row.status === "PLANNED" && stage.plannedStart > scope.today) return [];
      const { key, onBehalfOf } = waiting;
      return [{ id: row.id, name: row.name, key, onBehalfOf, plannedEnd: stage.plannedEnd }];
    })
    .sort((a, b) => a.plannedEnd.localeCompare(b.plannedEnd) || a.name.localeCompare(b.name));
  return { scope, waiting };
});

/** How many stages and outcomes wait for the person (the header's badge), from lean rows. */
export async function countWhatWaits(user: SessionUser): Promise<number> {
  const [stages, outcomes] = await Promise.all([waitingStages(user), outcomesDue(user)]);
  return (stages?.waiting.length ?? 0) + outcomes.length;
}

/** Which part of a long list to read: `limit` items after the first `offset`. */
export type Slice = { offset: number; limit: number };

/**
 * The stages waiting for this person's decision, the most urgent (earliest planned end) first, and
 * how many there are. Which ones wait is decided on lean rows; only the slice asked for is read
 * whole (a release manager of a large portfolio may have a thousand).
 */
export async function listMyApprovals(
  user: SessionUser,
  slice?: Slice,
): Promise<{ today: IsoDate; items: WaitingApproval[]; total: number }> {
  const stages = await waitingStages(user);
  if (!stages) {
    const settings = await getPlanningSettings();
    return { today: companyToday(settings.companyTimeZone), items: [], total: 0 };
  }
  const { scope, waiting } = stages;
  const { settings, today } = scope;
  const shown = slice ? waiting.slice(slice.offset, slice.offset + slice.limit) : waiting;
  const whole = await readReleaseRows(shown.map((item) => item.id));
  const byId = new Map(whole.map((row) => [row.id, row]));
  const context = releaseContext(settings);
  const items = shown.map(({ id, key, onBehalfOf }): WaitingApproval => {
    const release = toReleaseDto(byId.get(id)!, context);
    const stage = release.stages.find((s) => s.key === key)!;
    return {
      release: {
        id: release.id,
        name: release.name,
        version: release.version,
        type: release.type,
        status: release.status,
        forecastGoLive: release.forecastGoLive,
        baselineGoLive: release.baselineGoLive,
        atRisk: release.atRisk,
      },
      stage,
      onBehalfOf: onBehalfOf && { id: onBehalfOf.id, name: onBehalfOf.name },
      isOverdue: stage.plannedEnd < today,
    };
  });
  return { today, items, total: waiting.length };
}

/** Outcomes are asked for go-lives of the last six months; older ones are left alone. */
const OUTCOME_LOOKBACK_DAYS = 183;

/**
 * Which live releases wait for their outcome, for the people who record outcomes (release
 * managers, QA): those whose observation window is over and whose outcome nobody recorded yet, the
 * longest overdue first. Lean (id and days): a large portfolio has a thousand recent go-lives, and
 * every page's header counts them.
 */
const outcomesDue = cache(
  async (
    user: SessionUser,
  ): Promise<{ id: string; liveOn: IsoDate; observationEnd: IsoDate }[]> => {
    if (!can(user.role, "releases.outcome")) return [];
    const settings = await getPlanningSettings();
    const today = companyToday(settings.companyTimeZone);
    // The window ends at least as many calendar days after the go-live as it has working days.
    const rows = await queryJsonRows<[id: string, region: string, liveOn: IsoDate]>(Prisma.sql`
      SELECT json_build_array(r.id, r.region, prod.actual_end) AS doc
      FROM releases r
      JOIN stage_windows prod ON prod.release_id = r.id AND prod.key = 'PROD'
      WHERE r.status = 'LIVE' AND r.outcome IS NULL AND prod.status = 'SIGNED_OFF'
        AND prod.actual_end >= ${addDays(today, -OUTCOME_LOOKBACK_DAYS)}::date
        AND prod.actual_end < ${addDays(today, -settings.observationWorkingDays)}::date`);
    return rows
      .map(([id, region, liveOn]) => ({
        id,
        liveOn,
        observationEnd: observationEndOf(
          liveOn,
          settings.observationWorkingDays,
          calendarFor(region, settings.periods),
        ),
      }))
      .filter(
        (due) =>
          afterGoLivePhase({ observationEnd: due.observationEnd, outcome: null }, today) ===
          "OUTCOME_DUE",
      )
      .sort(
        (a, b) =>
          a.observationEnd.localeCompare(b.observationEnd) ||
          a.liveOn.localeCompare(b.liveOn) ||
          a.id.localeCompare(b.id),
      );
  },
);

/** The outcomes due for the person (the slice asked for, with their releases) and how many. */
export async function listOutcomesDue(
  user: SessionUser,
  slice?: Slice,
): Promise<{ items: OutcomeDue[]; total: number }> {
  const due = await outcomesDue(user);
  const shown = slice ? due.slice(slice.offset, slice.offset + slice.limit) : due;
  if (shown.length === 0) return { items: [], total: due.length };
  const releases = await queryJsonRows<OutcomeDue["release"] & Pick<OutcomeDue, "signals">>(
    Prisma.sql`
    SELECT json_build_object('id', r.id, 'name', r.name, 'version', r.version, 'type', r.type,
      'product', json_build_object('key', p.key, 'name', p.name),
      'signals', json_build_object('critical', r.signals_critical,
        'warning', r.signals_warning, 'firing', r.signals_firing)) AS doc
    FROM releases r JOIN products p ON p.id = r.product_id
    WHERE r.id = ANY(${idList(shown.map((item) => item.id))})`,
  );
  const byId = new Map(releases.map((release) => [release.id, release]));
  return {
    items: shown.map(({ id, liveOn, observationEnd }) => {
      const { signals, ...release } = byId.get(id)!;
      return { release, liveOn, observationEnd, signals };
    }),
    total: due.length,
  };
}

/** Everything waiting for the person: stages to decide and outcomes to record. */
export async function listWhatWaits(user: SessionUser): Promise<WhatWaits> {
  const [{ today, items }, outcomes] = await Promise.all([
    listMyApprovals(user),
    listOutcomesDue(user),
  ]);
  return { today, items, outcomesDue: outcomes.items };
}
