import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { afterGoLivePhase, observationEndOf } from "@/lib/domain/after-go-live";
import { dateToIso, type IsoDate, todayIn } from "@/lib/domain/dates";
import { forecastOf, isAtRiskNow, slipInWorkingDays, wentLiveOn } from "@/lib/domain/progress";
import { isClosed } from "@/lib/domain/release-status";
import { followGoLive, rolloutProgress } from "@/lib/domain/rollout";
import { approvalsMissing } from "@/lib/domain/signoff";
import { currentStageOf, STAGE_NAMES, type StageKey, type StageRule } from "@/lib/domain/stages";
import type { WorkingDayCalendar } from "@/lib/domain/working-days";
import {
  deploymentSummarySelect,
  toDeploymentSummary,
} from "@/lib/server/deployments/deployment-dto";
import type { AfterGoLiveDto, ReleaseDto, RolloutDto, StageDto } from "@/lib/types/release";

import { productApproversSelect, stageDatesSelect, toStageDates } from "./selects";

/** What every release query loads, so that one mapping serves the list, the page and the API. */
const personSelect = { select: { id: true, name: true, email: true } } as const;

/**
 * Everything `toReleaseDto` and the mutations read of a release, named column by column: the JSON
 * reader of whole pages (`readReleaseRows`, release-rows.ts) builds exactly this shape.
 */
export const releaseSelect = {
  id: true,
  name: true,
  version: true,
  digest: true,
  description: true,
  type: true,
  status: true,
  statusReason: true,
  region: true,
  baselineGoLive: true,
  originalGoLive: true,
  outcome: true,
  outcomeComment: true,
  rolledBackTo: true,
  restoredOn: true,
  outcomeRecordedAt: true,
  rolloutStrategy: true,
  rolloutGoLive: true,
  rolloutFlags: true,
  atRiskSince: true,
  signalsCritical: true,
  signalsWarning: true,
  signalsFiring: true,
  deploymentFlags: true,
  parentId: true,
  productId: true,
  createdById: true,
  revision: true,
  createdAt: true,
  updatedAt: true,
  parent: { select: { id: true, name: true, version: true } },
  createdBy: personSelect,
  outcomeRecordedBy: personSelect,
  rolloutSteps: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      position: true,
      date: true,
      percent: true,
      label: true,
      doneAt: true,
      doneBy: personSelect,
    },
  },
  outcomePatch: {
    select: {
      id: true,
      name: true,
      version: true,
      status: true,
      stages: { where: { key: "PROD" }, select: { status: true, actualEnd: true } },
    },
  },
  product: {
    select: {
      key: true,
      name: true,
      approvers: productApproversSelect,
    },
  },
  stages: {
    orderBy: { key: "asc" },
    select: {
      id: true,
      ...stageDatesSelect.select,
      approvalsRequired: true,
      approvalRound: true,
      lastDeployment: { select: deploymentSummarySelect },
      approvals: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          userId: true,
          onBehalfOfId: true,
          decision: true,
          comment: true,
          createdAt: true,
          round: true,
          user: { select: { id: true, name: true, email: true, role: true } },
          onBehalfOf: personSelect,
        },
      },
    },
  },
} satisfies Prisma.ReleaseSelect;

export type ReleaseRow = Prisma.ReleaseGetPayload<{ select: typeof releaseSelect }>;

function optionalDate(value: Date | null): IsoDate | null {
  return value ? dateToIso(value) : null;
}

/** The rollout of the PROD stage: its steps, how far it has come, steps a later go-live overtook. */
function rolloutOf(
  row: ReleaseRow,
  goLive: IsoDate,
  timeZone: string,
  calendar: WorkingDayCalendar,
): RolloutDto {
  const planned = row.rolloutSteps.map((step) => ({
    position: step.position,
    date: dateToIso(step.date),
    percent: step.percent,
    label: step.label,
    doneAt: step.doneAt?.toISOString() ?? null,
    doneOn: step.doneAt ? todayIn(timeZone, step.doneAt) : null,
    doneBy: step.doneBy,
  }));
  const anchor = row.rolloutGoLive ? dateToIso(row.rolloutGoLive) : null;
  const steps = followGoLive(planned, anchor, goLive, calendar);
  const liveOn = row.status === "LIVE" ? goLive : null;
  return {
    strategy: row.rolloutStrategy,
    flags: row.rolloutFlags,
    steps,
    progress: rolloutProgress(row.rolloutStrategy, steps, liveOn),
  };
}

/** A live release's observation window and outcome. */
function afterGoLiveOf(row: ReleaseRow, observationEnd: IsoDate, today: IsoDate): AfterGoLiveDto {
  const patch = row.outcomePatch;
  const patchProd = patch?.stages[0];
  const patchLiveOn = patchProd
    ? wentLiveOn({ status: patchProd.status, actualEnd: optionalDate(patchProd.actualEnd) })
    : null;
  return {
    phase: afterGoLivePhase({ observationEnd, outcome: row.outcome }, today),
    observationEnd,
    comment: row.outcomeComment,
    rolledBackTo: row.rolledBackTo,
    patch: patch && {
      id: patch.id,
      name: patch.name,
      version: patch.version,
      status: patch.status,
      liveOn: patchLiveOn,
    },
    // Restored by the roll-back, or the day the fixing patch went live.
    restoredOn: row.outcome === "ROLLED_FORWARD" ? patchLiveOn : optionalDate(row.restoredOn),
    recordedAt: row.outcomeRecordedAt?.toISOString() ?? null,
    recordedBy: row.outcomeRecordedBy,
  };
}

/** What mapping a release needs besides its row: calendars (for the slip) and the stage rules. */
export type ReleaseContext = {
  calendarFor: (region: string) => WorkingDayCalendar;
  stageRules: Record<StageKey, StageRule>;
  /** The company's today: the forecast moves from it. */
  today: IsoDate;
  /** The company's time zone: the day a rollout step was marked done. */
  timeZone: string;
  observationWorkingDays: number;
};

/** The product's named approvers of one stage (empty: the role rule alone). */
export function namedApprovers<Person extends { id: string }>(
  row: { product: { approvers: { stageKey: StageKey; user: Person }[] } },
  key: StageKey,
): Person[] {
  return row.product.approvers
    .filter((approver) => approver.stageKey === key)
    .map((approver) => approver.user);
}

export function toReleaseDto(row: ReleaseRow, context: ReleaseContext): ReleaseDto {
  const calendar = context.calendarFor(row.region);
  const planned = row.stages.map(toStageDates);
  const forecast = forecastOf({ status: row.status, stages: planned }, context.today, calendar);
  const stages: StageDto[] = row.stages.map((stage, index) => ({
    key: stage.key,
    name: STAGE_NAMES[stage.key],
    status: stage.status,
    allowedRoles: [...context.stageRules[stage.key].allowedRoles],
    approvers: namedApprovers(row, stage.key),
    approverIds: namedApprovers(row, stage.key).map((person) => person.id),
    approvalsMissing: approvalsMissing(stage),
    plannedStart: dateToIso(stage.plannedStart),
    plannedEnd: dateToIso(stage.plannedEnd),
    actualStart: optionalDate(stage.actualStart),
    actualEnd: optionalDate(stage.actualEnd),
    forecastStart: forecast.stages[index]!.start,
    forecastEnd: forecast.stages[index]!.end,
    workingDays: stage.workingDays,
    approvalsRequired: stage.approvalsRequired,
    approvalRound: stage.approvalRound,
    lastDeployment: stage.lastDeployment && toDeploymentSummary(stage.lastDeployment),
    approvals: stage.approvals.map((approval) => ({
      id: approval.id,
      user: approval.user,
      onBehalfOf: approval.onBehalfOf,
      decision: approval.decision,
      comment: approval.comment,
      at: approval.createdAt.toISOString(),
      round: approval.round,
    })),
  }));
  const baselineGoLive = dateToIso(row.baselineGoLive);
  const forecastGoLive = forecast.goLive;
  const liveOn = row.status === "LIVE" ? wentLiveOn(planned.at(-1)!) : null;
  const observationEnd = liveOn
    ? observationEndOf(liveOn, context.observationWorkingDays, calendar)
    : null;
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    digest: row.digest,
    description: row.description,
    type: row.type,
    status: row.status,
    statusReason: row.statusReason,
    region: row.region,
    product: { key: row.product.key, name: row.product.name },
    parentId: row.parentId,
    parent: row.parent,
    revision: row.revision,
    originalGoLive: dateToIso(row.originalGoLive),
    baselineGoLive,
    forecastGoLive,
    slipWorkingDays: slipInWorkingDays(baselineGoLive, forecastGoLive, calendar),
    atRisk: isAtRiskNow(row.status, baselineGoLive, forecast),
    overdueStage: forecast.overdueStage,
    forecastNotes: forecast.notes,
    liveOn,
    observationEnd,
    outcome: row.outcome,
    afterGoLive:
      liveOn && observationEnd ? afterGoLiveOf(row, observationEnd, context.today) : null,
    rollout: rolloutOf(row, liveOn ?? forecastGoLive, context.timeZone, calendar),
    deploymentFlags: row.deploymentFlags,
    signals: {
      critical: row.signalsCritical,
      warning: row.signalsWarning,
      firing: row.signalsFiring,
    },
    currentStage: isClosed(row.status) ? null : (currentStageOf(stages)?.key ?? null),
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    stages,
  };
}
