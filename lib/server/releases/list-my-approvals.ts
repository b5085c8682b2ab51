import "server-only";

import { cache } from "react";

import type { Prisma } from "@/generated/prisma/client";
import { afterGoLivePhase, observationEndOf } from "@/lib/domain/after-go-live";
import { addDays, dateToIso, type IsoDate, isoToDate } from "@/lib/domain/dates";
import { OPEN_STATUSES } from "@/lib/domain/release-status";
import { waitsFor } from "@/lib/domain/signoff";
import { STAGE_KEYS } from "@/lib/domain/stages";
import { can } from "@/lib/permissions";
import { calendarFor } from "@/lib/server/calendars";
import { getDb } from "@/lib/server/db/client";
import { delegatorsFor } from "@/lib/server/delegations/delegations";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { companyToday } from "@/lib/server/today";
import type { OutcomeDue, WaitingApproval, WhatWaits } from "@/lib/types/release";
import type { SessionUser } from "@/lib/types/user";

import { releaseContext } from "./release-context";
import { releaseInclude, toReleaseDto } from "./release-dto";
import { releaseStateSelect, toReleaseState } from "./release-state";

export type { OutcomeDue, WaitingApproval } from "@/lib/types/release";

/** Who decides, as of today, and which releases may wait for them; null when none can (a viewer). */
async function decisionScope(user: SessionUser) {
  const settings = await getPlanningSettings();
  const today = companyToday(settings.companyTimeZone);
  const delegators = await delegatorsFor(user.id, today);
  const roles = new Set([user.role, ...delegators.map((delegator) => delegator.role)]);
  if (!STAGE_KEYS.some((key) => settings.stageRules[key].allowedRoles.some((r) => roles.has(r))))
    return null;
  // Only releases with a stage open to decisions: an active one, or a planned DEV that is due.
  const where: Prisma.ReleaseWhereInput = {
    status: { in: [...OPEN_STATUSES] },
    stages: {
      some: {
        OR: [
          { status: "ACTIVE" },
          { status: "PENDING", key: "DEV", plannedStart: { lte: isoToDate(today) } },
        ],
      },
    },
  };
  return { settings, today, delegators, where };
}

type DecisionScope = NonNullable<Awaited<ReturnType<typeof decisionScope>>>;

/** The rows whose current stage waits for the person, with the stage (and for whom they decide). */
function waitingAmong<Row extends Parameters<typeof toReleaseState>[0]>(
  rows: readonly Row[],
  user: SessionUser,
  scope: DecisionScope,
) {
  return rows.flatMap((row) => {
    const waiting = waitsFor(
      toReleaseState(row),
      user,
      scope.settings.stageRules,
      scope.delegators,
    );
    if (!waiting) return [];
    const stage = row.stages.find((s) => s.key === waiting.key)!;
    // A planned release waits for its DEV sign-off only once DEV is due.
    if (row.status === "PLANNED" && dateToIso(stage.plannedStart) > scope.today) return [];
    return [{ row, waiting }];
  });
}

/**
 * The stages waiting for the person, the most urgent (earliest planned end) first, decided on lean
 * rows. Read once per request: the header's badge and My approvals both ask.
 */
const waitingStages = cache(async (user: SessionUser) => {
  const scope = await decisionScope(user);
  if (!scope) return null;
  const rows = await getDb().release.findMany({
    where: scope.where,
    select: { ...releaseStateSelect, name: true },
  });
  const waiting = waitingAmong(rows, user, scope)
    .map(({ row, waiting: { key, onBehalfOf } }) => ({
      id: row.id,
      name: row.name,
      key,
      onBehalfOf,
      plannedEnd: row.stages.find((stage) => stage.key === key)!.plannedEnd.getTime(),
    }))
    .sort((a, b) => a.plannedEnd - b.plannedEnd || a.name.localeCompare(b.name));
  return { scope, waiting };
});

/** How many stages and outcomes wait for the person (the header's badge), from lean rows. */
export async function countWhatWaits(user: SessionUser): Promise<number> {
  const [stages, outcomes] = await Promise.all([waitingStages(user), listOutcomesDue(user)]);
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
  const db = getDb();
  const shown = slice ? waiting.slice(slice.offset, slice.offset + slice.limit) : waiting;
  const whole = await db.release.findMany({
    where: { id: { in: shown.map((item) => item.id) } },
    include: releaseInclude,
  });
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
 * Live releases whose observation window is over and whose outcome nobody recorded yet, for the
 * people who record outcomes (release managers, QA); the longest overdue first.
 */
export const listOutcomesDue = cache(async (user: SessionUser): Promise<OutcomeDue[]> => {
  if (!can(user.role, "releases.outcome")) return [];
  const settings = await getPlanningSettings();
  const today = companyToday(settings.companyTimeZone);
  // The window ends at least as many calendar days after the go-live as it has working days.
  const rows = await getDb().release.findMany({
    where: {
      status: "LIVE",
      outcome: null,
      stages: {
        some: {
          key: "PROD",
          status: "SIGNED_OFF",
          actualEnd: {
            gte: isoToDate(addDays(today, -OUTCOME_LOOKBACK_DAYS)),
            lt: isoToDate(addDays(today, -settings.observationWorkingDays)),
          },
        },
      },
    },
    select: {
      id: true,
      name: true,
      version: true,
      type: true,
      region: true,
      product: { select: { key: true, name: true } },
      stages: { where: { key: "PROD" }, select: { status: true, actualEnd: true } },
    },
  });
  const due: OutcomeDue[] = [];
  for (const row of rows) {
    const prod = row.stages[0];
    const liveOn = prod?.actualEnd ? dateToIso(prod.actualEnd) : null;
    if (!liveOn) continue;
    const calendar = calendarFor(row.region, settings.periods);
    const observationEnd = observationEndOf(liveOn, settings.observationWorkingDays, calendar);
    if (afterGoLivePhase({ observationEnd, outcome: null }, today) !== "OUTCOME_DUE") continue;
    const { id, name, version, type, product } = row;
    due.push({ release: { id, name, version, type, product }, liveOn, observationEnd });
  }
  return due.sort((a, b) => a.observationEnd.localeCompare(b.observationEnd));
});

/** Everything waiting for the person: stages to decide and outcomes to record. */
export async function listWhatWaits(user: SessionUser): Promise<WhatWaits> {
  const [{ today, items }, outcomesDue] = await Promise.all([
    listMyApprovals(user),
    listOutcomesDue(user),
  ]);
  return { today, items, outcomesDue };
}
