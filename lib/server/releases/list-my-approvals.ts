import "server-only";

import { addDays, type IsoDate, isoToDate } from "@/lib/domain/dates";
import { OPEN_STATUSES } from "@/lib/domain/release-status";
import { waitsFor } from "@/lib/domain/signoff";
import { can } from "@/lib/permissions";
import { getDb } from "@/lib/server/db/client";
import { delegatorsFor } from "@/lib/server/delegations/delegations";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { companyToday } from "@/lib/server/today";
import type { OutcomeDue, WaitingApproval, WhatWaits } from "@/lib/types/release";
import type { SessionUser } from "@/lib/types/user";

import { releaseContext } from "./release-context";
import { releaseInclude, toReleaseDto } from "./release-dto";
import { toReleaseState } from "./release-state";

export type { OutcomeDue, WaitingApproval } from "@/lib/types/release";

/** The stages waiting for this person's decision, the most urgent first. */
export async function listMyApprovals(
  user: SessionUser,
): Promise<{ today: IsoDate; items: WaitingApproval[] }> {
  const db = getDb();
  const [rows, settings] = await Promise.all([
    db.release.findMany({
      where: { status: { in: [...OPEN_STATUSES] } },
      include: releaseInclude,
    }),
    getPlanningSettings(),
  ]);
  const today = companyToday(settings.companyTimeZone);
  const delegators = await delegatorsFor(user.id, today);
  const context = releaseContext(settings);
  const items: WaitingApproval[] = [];
  for (const row of rows) {
    const waiting = waitsFor(toReleaseState(row), user, settings.stageRules, delegators);
    if (!waiting) continue;
    const { key, onBehalfOf } = waiting;
    const release = toReleaseDto(row, context);
    const stage = release.stages.find((s) => s.key === key)!;
    // A planned release waits for its DEV sign-off only once DEV is due.
    if (release.status === "PLANNED" && stage.plannedStart > today) continue;
    items.push({
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
    });
  }
  items.sort(
    (a, b) =>
      a.stage.plannedEnd.localeCompare(b.stage.plannedEnd) ||
      a.release.name.localeCompare(b.release.name),
  );
  return { today, items };
}

/** Outcomes are asked for go-lives of the last six months; older ones are left alone. */
const OUTCOME_LOOKBACK_DAYS = 183;


/**
 * Live releases whose observation window is over and whose outcome nobody recorded yet, for the
 * people who record outcomes (release managers, QA); the longest overdue first.
 */
export async function listOutcomesDue(user: SessionUser): Promise<OutcomeDue[]> {
  if (!can(user.role, "releases.outcome")) return [];
  const settings = await getPlanningSettings();
  const context = releaseContext(settings);
  const rows = await getDb().release.findMany({
    where: {
      status: "LIVE",
      outcome: null,
      stages: {
        some: {
          key: "PROD",
          actualEnd: { gte: isoToDate(addDays(context.today, -OUTCOME_LOOKBACK_DAYS)) },
        },
      },
    },
    include: releaseInclude,
  });
  return rows
    .map((row) => toReleaseDto(row, context))
    .filter((release) => release.afterGoLive?.phase === "OUTCOME_DUE")
    .map((release) => ({
      release: {
        id: release.id,
        name: release.name,
        version: release.version,
        type: release.type,
        product: release.product,
      },
      liveOn: release.liveOn!,
      observationEnd: release.observationEnd!,
    }))
    .sort((a, b) => a.observationEnd.localeCompare(b.observationEnd));
}

/** Everything waiting for the person: stages to decide and outcomes to record. */
export async function listWhatWaits(user: SessionUser): Promise<WhatWaits> {
  const [approvals, outcomesDue] = await Promise.all([
    listMyApprovals(user),
    listOutcomesDue(user),
  ]);
  return { ...approvals, outcomesDue };
}
