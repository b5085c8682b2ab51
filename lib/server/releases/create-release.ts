import "server-only";

import { type IsoDate, isoToDate } from "@/lib/domain/dates";
import { assertKnownRegion } from "@/lib/domain/holidays";
import { type Plan, planBackward, planForward } from "@/lib/domain/planner";
import type { PlanningSettings } from "@/lib/domain/settings";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { calendarFor } from "@/lib/server/calendars";
import { type DbTransaction, getDb } from "@/lib/server/db/client";
import { assertSlotFree } from "@/lib/server/planning/reserve-slot";
import { productIdFor } from "@/lib/server/products/products";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { companyToday } from "@/lib/server/today";
import type { ReleaseDto } from "@/lib/types/release";
import type { SessionUser } from "@/lib/types/user";
import type { ReleaseCreateInput } from "@/lib/validation/releases";

import { loadRelease, MUTATION_TIMEOUTS, writeAuditEvents } from "./mutate-release";
import { releaseContext } from "./release-context";
import { toReleaseDto } from "./release-dto";
import { assertVersionFree } from "./version-taken";

/** Plans and stores a new release or patch (status PLANNED), with its audit event. */
export async function createRelease(
  actor: SessionUser,
  input: ReleaseCreateInput,
  options: { today?: string } = {},
): Promise<ReleaseDto> {
  assertCan(actor.role, "releases.plan");
  const settings = await getPlanningSettings();
  const region = input.region ?? settings.defaultRegion;
  assertKnownRegion(region);
  const calendar = calendarFor(region, settings.periods);
  const plan = input.goLive
    ? planBackward(input.goLive, settings.durations, calendar)
    : planForward(input.start!, settings.durations, calendar);
  const today = options.today ?? companyToday(settings.companyTimeZone);
  if (plan.goLive < today) {
    throw new AppError(
      "UNPROCESSABLE",
      "GO_LIVE_IN_PAST",
      `The go-live ${plan.goLive} would be in the past.`,
      {
        goLive: plan.goLive,
        today,
      },
    );
  }

  return getDb().$transaction(async (tx) => {
    if (input.reserve) {
      await assertSlotFree(tx, { stages: plan.stages, region, settings, today });
    }
    const plannedFrom = input.goLive ? "goLive" : "start";
    return insertRelease(tx, { actor, input, plan, region, settings, plannedFrom });
  }, MUTATION_TIMEOUTS);
}

/**
 * Writes a planned release (status PLANNED) with its six stage windows and its audit event, in a
 * transaction of the caller's: the parent and the product checked, the version free.
 */
export async function insertRelease(
  tx: DbTransaction,
  options: {
    actor: SessionUser;
    input: Omit<ReleaseCreateInput, "goLive" | "start" | "reserve">;
    plan: Plan;
    region: string;
    settings: PlanningSettings;
    /** What the plan was made from: a go-live, a DEV start, or a train date. */
    plannedFrom: "goLive" | "start" | "train";
    /** The train date a release train planned it for. */
    trainDate?: IsoDate;
  },
): Promise<ReleaseDto> {
  const { actor, input, plan, region, settings } = options;
  if (input.parentId) {
    const parent = await tx.release.findUnique({
      where: { id: input.parentId },
      select: { type: true },
    });
    if (!parent)
      throw new AppError("UNPROCESSABLE", "PARENT_NOT_FOUND", "The parent release does not exist.");
    if (parent.type !== "RELEASE") {
      throw new AppError(
        "UNPROCESSABLE",
        "PARENT_NOT_A_RELEASE",
        "A patch belongs to a release, not to another patch.",
      );
    }
  }
  const parentProduct =
    input.parentId && !input.product
      ? (
          await tx.release.findUnique({
            where: { id: input.parentId },
            select: { productId: true },
          })
        )?.productId
      : undefined;
  // A patch names no product: it is of its release's product.
  const productId = parentProduct ?? (await productIdFor(input.product, tx));
  await assertVersionFree(tx, input.version);
  const created = await tx.release.create({
    data: {
      productId,
      type: input.type,
      name: input.name,
      version: input.version,
      digest: input.digest ?? null,
      description: input.description ?? null,
      region,
      parentId: input.parentId ?? null,
      trainDate: options.trainDate ? isoToDate(options.trainDate) : null,
      baselineGoLive: isoToDate(plan.goLive),
      originalGoLive: isoToDate(plan.goLive),
      createdById: actor.id,
      stages: {
        create: plan.stages.map((stage) => ({
          key: stage.key,
          plannedStart: isoToDate(stage.start),
          plannedEnd: isoToDate(stage.end),
          workingDays: stage.workingDays,
          approvalsRequired: settings.stageRules[stage.key].approvalsRequired,
        })),
      },
    },
  });
  await writeAuditEvents(tx, created.id, actor.id, [
    {
      action: "RELEASE_CREATED",
      comment: plan.notes.join(" ") || null,
      after: {
        name: input.name,
        version: input.version,
        type: input.type,
        region,
        product: input.product ?? null,
        start: plan.start,
        goLive: plan.goLive,
        plannedFrom: options.plannedFrom,
      },
    },
  ]);
  return toReleaseDto((await loadRelease(tx, created.id))!, releaseContext(settings));
}
