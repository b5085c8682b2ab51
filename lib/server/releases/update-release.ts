import "server-only";

import { type Prisma } from "@/generated/prisma/client";
import { dateToIso, isoToDate } from "@/lib/domain/dates";
import { assertKnownRegion } from "@/lib/domain/holidays";
import { hasStarted, isArtifactLocked, statusBlocker } from "@/lib/domain/release-commands";
import { type Replan, replanRelease } from "@/lib/domain/replan";
import type { AuditDraft, StageChange } from "@/lib/domain/signoff";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { calendarFor } from "@/lib/server/calendars";
import { assertSlotFree } from "@/lib/server/planning/reserve-slot";
import { productIdFor } from "@/lib/server/products/products";
import type { ReleaseDto } from "@/lib/types/release";
import type { SessionUser } from "@/lib/types/user";
import type { ReleaseUpdateInput } from "@/lib/validation/releases";

import { type MutationContext, mutateRelease, type ReleaseEdit } from "./mutate-release";
import { assertVersionFree } from "./version-taken";

const EDITABLE = ["name", "version", "digest", "description"] as const;

export type ReplanInput = Pick<ReleaseUpdateInput, "region" | "goLive" | "start" | "stageEnd">;

/**
 * The re-plan a change asks for (a new go-live, start, stage end or region), or undefined when it
 * asks for none. Shared by the change itself and its what-if preview, so both say the same.
 */
export function replanFor(
  {
    row,
    release,
    settings,
    today,
  }: Pick<MutationContext, "row" | "release" | "settings" | "today">,
  input: ReplanInput,
): { replan: Replan; region: string } | undefined {
  const region = input.region ?? row.region;
  const regionChanged = region !== row.region;
  if (!regionChanged && !input.goLive && !input.start && !input.stageEnd) return undefined;
  assertKnownRegion(region);
  if (regionChanged && hasStarted(release.stages)) {
    throw new AppError(
      "UNPROCESSABLE",
      "REGION_LOCKED",
      "The holiday region cannot change once DEV has started.",
    );
  }
  const request =
    input.goLive || input.start || input.stageEnd
      ? { goLive: input.goLive, start: input.start, stageEnd: input.stageEnd }
      : { goLive: release.stages.at(-1)!.plannedStart };
  const replan = replanRelease({
    release,
    request,
    durations: settings.durations,
    rules: settings.stageRules,
    calendar: calendarFor(region, settings.periods),
    today,
  });
  if (replan.baselineGoLive < today) {
    throw new AppError(
      "UNPROCESSABLE",
      "GO_LIVE_IN_PAST",
      `The go-live ${replan.baselineGoLive} would be in the past.`,
    );
  }
  return { replan, region };
}

/** Edits a release's fields and/or re-plans it; the client's revision must be the current one. */
export async function updateRelease(
  actor: SessionUser,
  id: string,
  input: ReleaseUpdateInput,
  options: { today?: string } = {},
): Promise<ReleaseDto> {
  assertCan(actor.role, "releases.plan");
  return mutateRelease({
    id,
    actor,
    expectedRevision: input.revision,
    today: options.today,
    decide: async ({ tx, row, release, settings, today }) => {
      const closed = statusBlocker(release, "EDIT");
      if (closed) throw closed;
      const fields: Prisma.ReleaseUpdateInput = {};
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const field of EDITABLE) {
        const value = input[field];
        if (value === undefined || value === row[field]) continue;
        before[field] = row[field];
        after[field] = value;
        (fields as Record<string, unknown>)[field] = value;
      }
      if (input.product !== undefined && input.product !== row.product.key) {
        fields.product = { connect: { id: await productIdFor(input.product, tx) } };
        before.product = row.product.key;
        after.product = input.product;
      }
      const isArtifactChange = "version" in after || "digest" in after;
      if (isArtifactChange && isArtifactLocked(release.stages)) {
        throw new AppError(
          "UNPROCESSABLE",
          "ARTIFACT_LOCKED",
          "The artifact is fixed once DEV is signed off: the same build moves through every stage. " +
            "A rebuilt artifact is a new release or patch.",
        );
      }

      if ("version" in after) await assertVersionFree(tx, input.version!, row.id);

      const events: AuditDraft[] = [];
      let stageChanges: StageChange[] = [];
      const planned = replanFor({ row, release, settings, today }, input);
      if (planned) {
        const { replan, region } = planned;
        stageChanges = replan.stageChanges;
        if (input.reserve) {
          // The windows the re-plan moves, as they will stand.
          const stages = replan.stageChanges.map((change) => {
            const current = release.stages.find((stage) => stage.key === change.key)!;
            return {
              key: change.key,
              start: change.plannedStart ?? current.plannedStart,
              end: change.plannedEnd ?? current.plannedEnd,
            };
          });
          await assertSlotFree(tx, { stages, region, settings, today, exclude: row.id });
        }
        fields.baselineGoLive = isoToDate(replan.baselineGoLive);
        if (region !== row.region) {
          fields.region = region;
          before.region = row.region;
          after.region = region;
        }
        events.push({
          action: "RELEASE_REPLANNED",
          before: {
            baselineGoLive: dateToIso(row.baselineGoLive),
            forecastGoLive: release.stages.at(-1)!.plannedStart,
          },
          after: {
            baselineGoLive: replan.baselineGoLive,
            forecastGoLive: replan.baselineGoLive,
            ...(input.stageEnd && { stage: input.stageEnd.key, stageEnd: input.stageEnd.end }),
          },
          comment: replan.notes.join(" ") || null,
        });
      }
      if (Object.keys(after).length > 0) {
        events.unshift({ action: "RELEASE_UPDATED", before, after });
      }
      if (events.length === 0) {
        throw new AppError(
          "BAD_REQUEST",
          "NO_CHANGES",
          "Nothing to change: the request repeats the release as it is.",
        );
      }
      const edit: ReleaseEdit = { fields, stageChanges, events };
      return edit;
    },
  });
}
