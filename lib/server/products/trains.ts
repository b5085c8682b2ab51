import "server-only";

// A product's release train: kept by its owners and administrators; release managers preview and
// plan its next releases, all of them in one transaction or none.
import { Prisma } from "@/generated/prisma/client";
import { addDays, dateToIso, type IsoDate, isoToDate } from "@/lib/domain/dates";
import { assertKnownRegion } from "@/lib/domain/holidays";
import { windowDays } from "@/lib/domain/plan-search";
import type { PlanningSettings } from "@/lib/domain/settings";
import {
  assertCadenceHasDates,
  DEFAULT_VERSION_PATTERN,
  nameFromPattern,
  parseCadence,
  planTrain,
  trainDates,
} from "@/lib/domain/trains";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { calendarFor } from "@/lib/server/calendars";
import { type DbTransaction, getDb } from "@/lib/server/db/client";
import { toJsonInput } from "@/lib/server/db/json";
import { lockEnvironments } from "@/lib/server/planning/reserve-slot";
import { forecastOccupancies } from "@/lib/server/planning/search-plan";
import { managedProduct, productOf } from "@/lib/server/products/managed-product";
import { insertRelease } from "@/lib/server/releases/create-release";
import { MUTATION_TIMEOUTS } from "@/lib/server/releases/mutate-release";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { companyToday } from "@/lib/server/today";
import type { TrainDto, TrainPreviewItem } from "@/lib/types/product";
import type { ReleaseDto } from "@/lib/types/release";
import type { SessionUser } from "@/lib/types/user";
import type { TrainInput } from "@/lib/validation/products";

/** How many coming train dates a train's answer lists. */
const NEXT_DATES = 6;

type TrainRow = Prisma.ReleaseTrainGetPayload<{ select: typeof trainSelect }>;

const trainSelect = {
  rule: true,
  firstGoLive: true,
  namePattern: true,
  versionPattern: true,
  region: true,
  updatedAt: true,
  product: { select: { id: true, key: true, name: true } },
} satisfies Prisma.ReleaseTrainSelect;

function noTrain(key: string): AppError {
  return new AppError("NOT_FOUND", "NOT_FOUND", `The product '${key}' has no release train.`);
}

function toDto(row: TrainRow, today: IsoDate, settings: PlanningSettings): TrainDto {
  const firstGoLive = dateToIso(row.firstGoLive);
  const cadence = parseCadence(row.rule, firstGoLive);
  return {
    product: { key: row.product.key, name: row.product.name },
    rule: row.rule,
    description: cadence.toText(),
    firstGoLive,
    namePattern: row.namePattern,
    versionPattern: row.versionPattern,
    region: row.region ?? settings.defaultRegion,
    nextDates: trainDates(cadence, today, NEXT_DATES),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A product's train with its coming dates, or null when it has none. */
export async function findTrain(key: string): Promise<TrainDto | null> {
  const settings = await getPlanningSettings();
  const row = await getDb().releaseTrain.findFirst({
    where: { product: { key } },
    select: trainSelect,
  });
  return row && toDto(row, companyToday(settings.companyTimeZone), settings);
}

export async function getTrain(key: string): Promise<TrainDto> {
  await productOf(getDb(), key);
  const train = await findTrain(key);
  if (!train) throw noTrain(key);
  return train;
}

/** The coming train dates of every product with a train, for the timeline's marks. */
export async function listTrainDates(range: {
  start: IsoDate;
  end: IsoDate;
}): Promise<{ product: { key: string; name: string }; dates: IsoDate[] }[]> {
  const rows = await getDb().releaseTrain.findMany({ select: trainSelect });
  return rows.map((row) => {
    const cadence = parseCadence(row.rule, dateToIso(row.firstGoLive));
    return {
      product: { key: row.product.key, name: row.product.name },
      dates: trainDates(cadence, range.start, 60).filter((date) => date <= range.end),
    };
  });
}

/** The product (which the actor must manage) and its train as it stands, if any. */
async function managedTrain(tx: DbTransaction, actor: SessionUser, key: string) {
  const product = await managedProduct(tx, actor, key, "release train");
  const before = await tx.releaseTrain.findUnique({
    where: { productId: product.id },
    select: trainSelect,
  });
  return { product, before };
}

/** Sets (or replaces) a product's train: owners and administrators. */
export async function setTrain(
  actor: SessionUser,
  key: string,
  input: TrainInput,
): Promise<TrainDto> {
  assertCan(actor.role, "products.manage");
  const settings = await getPlanningSettings();
  const today = companyToday(settings.companyTimeZone);
  const cadence = parseCadence(input.rule, input.firstGoLive);
  assertCadenceHasDates(cadence, today < input.firstGoLive ? input.firstGoLive : today);
  if (input.region) assertKnownRegion(input.region);
  return getDb().$transaction(async (tx) => {
    const { product, before } = await managedTrain(tx, actor, key);
    const data = {
      rule: input.rule.replace(/^RRULE:/i, ""),
      firstGoLive: isoToDate(input.firstGoLive),
      namePattern: input.namePattern,
      versionPattern: input.versionPattern ?? DEFAULT_VERSION_PATTERN,
      region: input.region ?? null,
      updatedById: actor.id,
    };
    const row = await tx.releaseTrain.upsert({
      where: { productId: product.id },
      create: { productId: product.id, ...data },
      update: data,
      select: trainSelect,
    });
    await audit(
      tx,
      actor,
      before,
      row,
      `Release train of ${product.name} set: ${cadence.toText()}.`,
    );
    return toDto(row, today, settings);
  });
}

export async function deleteTrain(actor: SessionUser, key: string): Promise<void> {
  assertCan(actor.role, "products.manage");
  await getDb().$transaction(async (tx) => {
    const { product, before } = await managedTrain(tx, actor, key);
    if (!before) throw noTrain(key);
    await tx.releaseTrain.delete({ where: { productId: product.id } });
    await audit(tx, actor, before, null, `Release train of ${product.name} removed.`);
  });
}

async function audit(
  tx: DbTransaction,
  actor: SessionUser,
  before: TrainRow | null,
  after: TrainRow | null,
  comment: string,
): Promise<void> {
  const shape = (row: TrainRow | null) =>
    row && {
      product: row.product.key,
      rule: row.rule,
      firstGoLive: dateToIso(row.firstGoLive),
      namePattern: row.namePattern,
      versionPattern: row.versionPattern,
      region: row.region,
    };
  await tx.auditEvent.create({
    data: {
      action: "TRAIN_CHANGED",
      actorId: actor.id,
      comment,
      before: before ? toJsonInput(shape(before)) : Prisma.DbNull,
      after: after ? toJsonInput(shape(after)) : Prisma.DbNull,
    },
  });
}

/**
 * The next `count` releases of the train: its next dates from today that have no release yet,
 * each at its date when it fits, otherwise at the earliest fitting go-live after it, each against
 * the ones before it. Read with `tx` inside the transaction that creates them.
 */
async function previewOf(
  db: DbTransaction,
  key: string,
  count: number,
  settings: PlanningSettings,
  tx?: DbTransaction,
): Promise<{ product: { id: string; key: string }; region: string; items: TrainPreviewItem[] }> {
  const product = await productOf(db, key);
  const row = await db.releaseTrain.findUnique({
    where: { productId: product.id },
    select: trainSelect,
  });
  if (!row) throw noTrain(key);
  const today = companyToday(settings.companyTimeZone);
  const cadence = parseCadence(row.rule, dateToIso(row.firstGoLive));
  const planned = await db.release.findMany({
    where: { productId: product.id, trainDate: { not: null }, status: { not: "CANCELLED" } },
    select: { trainDate: true },
  });
  const taken = new Set(planned.map((release) => dateToIso(release.trainDate!)));
  // Enough dates to find `count` free ones (each taken one skipped).
  const dates = trainDates(cadence, today, count + taken.size)
    .filter((date) => !taken.has(date))
    .slice(0, count);
  const region = row.region ?? settings.defaultRegion;
  if (dates.length === 0) return { product, region, items: [] };
  const margin = windowDays(settings.durations);
  const occupancies = await forecastOccupancies(
    { start: addDays(dates[0]!, -margin), end: addDays(dates.at(-1)!, 366 + margin) },
    settings,
    { today, tx },
  );
  const items = planTrain({
    cadence,
    dates,
    calendar: calendarFor(region, settings.periods),
    durations: settings.durations,
    capacity: settings.capacity,
    occupancies,
  });
  return {
    product,
    region,
    items: items.map((item) => {
      const values = { date: item.trainDate, n: item.n, product: product.key };
      return {
        trainDate: item.trainDate,
        name: nameFromPattern(row.namePattern, values),
        version: nameFromPattern(row.versionPattern, values),
        goLive: item.candidate?.goLive ?? null,
        start: item.candidate?.start ?? null,
        stages: item.candidate?.stages ?? [],
        slipWorkingDays: item.candidate?.slipWorkingDays ?? null,
        reasons: item.reasons,
      };
    }),
  };
}

/** What "plan the next N" would create; writes nothing. Release managers. */
export async function previewTrain(
  actor: SessionUser,
  key: string,
  count: number,
): Promise<TrainPreviewItem[]> {
  assertCan(actor.role, "releases.plan");
  const settings = await getPlanningSettings();
  return (await previewOf(getDb(), key, count, settings)).items;
}

/**
 * Creates the next `count` releases of the train, all or none: in one transaction, holding the
 * environments (as a reservation does), planned again with what that transaction reads.
 */
export async function planTrainReleases(
  actor: SessionUser,
  key: string,
  count: number,
): Promise<ReleaseDto[]> {
  assertCan(actor.role, "releases.plan");
  const settings = await getPlanningSettings();
  try {
    return await getDb().$transaction(
      async (tx) => {
        await lockEnvironments(tx, settings);
        const { product, region, items } = await previewOf(tx, key, count, settings, tx);
        const unplaceable = items.find((item) => item.goLive === null);
        if (unplaceable) {
          throw new AppError(
            "UNPROCESSABLE",
            "NO_FREE_DATE",
            `No go-live within a year of ${unplaceable.trainDate} fits in the environments: nothing was planned.`,
            { trainDate: unplaceable.trainDate, reasons: unplaceable.reasons },
          );
        }
        const created: ReleaseDto[] = [];
        for (const item of items) {
          created.push(
            await insertRelease(tx, {
              actor,
              input: {
                type: "RELEASE",
                name: item.name,
                version: item.version,
                region,
                product: product.key,
              },
              plan: {
                region,
                start: item.start!,
                goLive: item.goLive!,
                workingDays: item.stages.reduce((sum, stage) => sum + stage.workingDays, 0),
                stages: item.stages,
                notes: item.reasons.length
                  ? [`Planned from the train date ${item.trainDate}, which did not fit.`]
                  : [`Planned on the train date ${item.trainDate}.`],
              },
              region,
              settings,
              plannedFrom: "train",
              trainDate: item.trainDate,
            }),
          );
        }
        return created;
      },
      { ...MUTATION_TIMEOUTS, timeout: 120_000 },
    );
  } catch (error) {
    // Two people planned the same train dates at once: the other was first.
    if (
      error instanceof Prisma.PrismaClientKnownRequestError &&
      error.code === "P2002" &&
      JSON.stringify(error.meta ?? {}).includes("train_date")
    ) {
      throw new AppError(
        "CONFLICT",
        "SLOT_TAKEN",
        "These train dates were planned by someone else meanwhile: preview again.",
      );
    }
    throw error;
  }
}
