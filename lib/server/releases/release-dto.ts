import "server-only";

import type { Prisma } from "@/generated/prisma/client";
import { dateToIso, type IsoDate } from "@/lib/domain/dates";
import { forecastOf, isAtRiskNow, slipInWorkingDays } from "@/lib/domain/progress";
import { isClosed } from "@/lib/domain/release-status";
import { approvalsMissing } from "@/lib/domain/signoff";
import { currentStageOf, STAGE_NAMES, type StageKey, type StageRule } from "@/lib/domain/stages";
import type { WorkingDayCalendar } from "@/lib/domain/working-days";
import type { ReleaseDto, StageDto } from "@/lib/types/release";

import { toStageDates } from "./selects";

/** What every release query loads, so that one mapping serves the list, the page and the API. */
const personSelect = { select: { id: true, name: true, email: true } } as const;

export const releaseInclude = {
  parent: { select: { id: true, name: true, version: true } },
  createdBy: personSelect,
  product: {
    select: {
      key: true,
      name: true,
      approvers: {
        orderBy: { user: { name: "asc" } },
        select: {
          stageKey: true,
          user: { select: { id: true, name: true, email: true, isActive: true } },
        },
      },
    },
  },
  stages: {
    orderBy: { key: "asc" },
    include: {
      approvals: {
        orderBy: { createdAt: "asc" },
        include: {
          user: { select: { id: true, name: true, email: true, role: true } },
          onBehalfOf: personSelect,
        },
      },
    },
  },
} satisfies Prisma.ReleaseInclude;

export type ReleaseRow = Prisma.ReleaseGetPayload<{ include: typeof releaseInclude }>;

function optionalDate(value: Date | null): IsoDate | null {
  return value ? dateToIso(value) : null;
}

/** What mapping a release needs besides its row: calendars (for the slip) and the stage rules. */
export type ReleaseContext = {
  calendarFor: (region: string) => WorkingDayCalendar;
  stageRules: Record<StageKey, StageRule>;
  /** The company's today: the forecast moves from it. */
  today: IsoDate;
};

/** The product's named approvers of one stage (empty: the role rule alone). */
export function namedApprovers(row: Pick<ReleaseRow, "product">, key: StageKey) {
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
    currentStage: isClosed(row.status) ? null : (currentStageOf(stages)?.key ?? null),
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    stages,
  };
}
