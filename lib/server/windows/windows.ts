import "server-only";

// Deployment windows: kept by administrators, read by everyone signed in, asked by the gate.
// Every change is audited (before and after) in the transaction that makes it.
import { Prisma } from "@/generated/prisma/client";
import { dateToIso, isoToDate } from "@/lib/domain/dates";
import {
  assertRuleFires,
  type DeploymentWindow,
  nextOccurrences,
  type WindowOccurrence,
  windowRule,
} from "@/lib/domain/deployment-windows";
import { formatWallTime } from "@/lib/domain/wall-clock";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { type DbTransaction, getDb } from "@/lib/server/db/client";
import { toJsonInput } from "@/lib/server/db/json";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { companyToday } from "@/lib/server/today";
import type { SessionUser } from "@/lib/types/user";
import type { OccurrenceDto, WindowDto, WindowList } from "@/lib/types/windows";
import type { WindowInput, WindowPatch } from "@/lib/validation/windows";

/** How many coming occurrences a window's answer lists. */
const NEXT_OCCURRENCES = 5;

export const windowSelect = {
  id: true,
  name: true,
  kind: true,
  environments: true,
  rule: true,
  startTime: true,
  durationMinutes: true,
  startsOn: true,
  updatedAt: true,
  products: { select: { product: { select: { key: true } } } },
} satisfies Prisma.DeploymentWindowSelect;

type WindowRow = Prisma.DeploymentWindowGetPayload<{ select: typeof windowSelect }>;

/** A stored window as the domain reads it. */
export function toDomainWindow(row: WindowRow): DeploymentWindow {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    environments: row.environments,
    products: row.products.map((link) => link.product.key).sort(),
    rule: row.rule,
    startTime: row.startTime,
    durationMinutes: row.durationMinutes,
    startsOn: dateToIso(row.startsOn),
  };
}

export function toOccurrenceDto(found: WindowOccurrence): OccurrenceDto {
  return {
    start: new Date(found.start).toISOString(),
    end: new Date(found.end).toISOString(),
    startLocal: formatWallTime(found.startWall),
    endLocal: formatWallTime(found.endWall),
  };
}

function toDto(row: WindowRow, timeZone: string, now: number): WindowDto {
  const window = toDomainWindow(row);
  return {
    ...window,
    environments: [...window.environments],
    products: [...window.products],
    description: windowRule(window).toText(),
    next: nextOccurrences(window, timeZone, now, NEXT_OCCURRENCES).map(toOccurrenceDto),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Every stored window, as the domain reads them. */
export async function loadWindows(db: DbTransaction = getDb()): Promise<DeploymentWindow[]> {
  const rows = await db.deploymentWindow.findMany({
    select: windowSelect,
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return rows.map(toDomainWindow);
}

/** GET /api/windows: the windows with their next occurrences, and the freezes that count as windows. */
export async function listWindows(now = new Date()): Promise<WindowList> {
  const settings = await getPlanningSettings();
  const rows = await getDb().deploymentWindow.findMany({
    select: windowSelect,
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return {
    timeZone: settings.companyTimeZone,
    windows: rows.map((row) => toDto(row, settings.companyTimeZone, now.getTime())),
    freezes: settings.periods
      .filter((period) => period.kind === "FREEZE")
      .map((period) => ({
        name: period.name,
        start: period.start,
        end: period.end,
        region: period.region,
        yearly: period.recurrence === "YEARLY",
      })),
  };
}

function notFound(): AppError {
  return new AppError("NOT_FOUND", "NOT_FOUND", "There is no deployment window with this id.");
}

/** The ids of the named products; an unknown key is a 422. */
async function productIds(tx: DbTransaction, keys: readonly string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const products = await tx.product.findMany({
    where: { key: { in: [...keys] } },
    select: { id: true, key: true },
  });
  const unknown = keys.filter((key) => !products.some((product) => product.key === key));
  if (unknown.length > 0) {
    throw new AppError(
      "UNPROCESSABLE",
      "UNKNOWN_PRODUCT",
      `There is no product ${unknown.map((key) => `'${key}'`).join(", ")}.`,
      { field: "products", unknown },
    );
  }
  return products.map((product) => product.id);
}

function auditShape(window: DeploymentWindow) {
  return {
    name: window.name,
    kind: window.kind,
    environments: window.environments,
    products: window.products,
    rule: window.rule,
    startTime: window.startTime,
    durationMinutes: window.durationMinutes,
    startsOn: window.startsOn,
  };
}

async function audit(
  tx: DbTransaction,
  actor: SessionUser,
  before: DeploymentWindow | null,
  after: DeploymentWindow | null,
  comment: string,
) {
  await tx.auditEvent.create({
    data: {
      action: "WINDOW_CHANGED",
      actorId: actor.id,
      comment,
      before: before ? toJsonInput(auditShape(before)) : Prisma.DbNull,
      after: after ? toJsonInput(auditShape(after)) : Prisma.DbNull,
    },
  });
}

export async function createWindow(actor: SessionUser, input: WindowInput): Promise<WindowDto> {
  assertCan(actor.role, "settings.manage");
  const settings = await getPlanningSettings();
  const startsOn = input.startsOn ?? companyToday(settings.companyTimeZone);
  const draft = { ...input, startsOn };
  windowRule(draft);
  assertRuleFires(draft);
  const row = await getDb().$transaction(async (tx) => {
    const ids = await productIds(tx, input.products);
    const created = await tx.deploymentWindow.create({
      data: {
        name: input.name,
        kind: input.kind,
        environments: input.environments,
        rule: input.rule.replace(/^RRULE:/i, ""),
        startTime: input.startTime,
        durationMinutes: input.durationMinutes,
        startsOn: isoToDate(startsOn),
        updatedById: actor.id,
        products: { create: ids.map((productId) => ({ productId })) },
      },
      select: windowSelect,
    });
    await audit(
      tx,
      actor,
      null,
      toDomainWindow(created),
      `Deployment window '${input.name}' added.`,
    );
    return created;
  });
  return toDto(row, settings.companyTimeZone, Date.now());
}

export async function updateWindow(
  actor: SessionUser,
  id: string,
  patch: WindowPatch,
): Promise<WindowDto> {
  assertCan(actor.role, "settings.manage");
  const settings = await getPlanningSettings();
  const row = await getDb().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM deployment_windows WHERE id = ${id}::uuid FOR UPDATE`;
    if (locked.length === 0) throw notFound();
    const current = await tx.deploymentWindow.findUniqueOrThrow({
      where: { id },
      select: windowSelect,
    });
    const before = toDomainWindow(current);
    const next = { ...before, ...patch, rule: (patch.rule ?? before.rule).replace(/^RRULE:/i, "") };
    windowRule(next);
    assertRuleFires(next);
    const ids = patch.products ? await productIds(tx, patch.products) : null;
    const updated = await tx.deploymentWindow.update({
      where: { id },
      data: {
        name: next.name,
        kind: next.kind,
        environments: [...next.environments],
        rule: next.rule,
        startTime: next.startTime,
        durationMinutes: next.durationMinutes,
        startsOn: isoToDate(next.startsOn),
        updatedById: actor.id,
        ...(ids && {
          products: { deleteMany: {}, create: ids.map((productId) => ({ productId })) },
        }),
      },
      select: windowSelect,
    });
    await audit(
      tx,
      actor,
      before,
      toDomainWindow(updated),
      `Deployment window '${next.name}' changed.`,
    );
    return updated;
  });
  return toDto(row, settings.companyTimeZone, Date.now());
}

export async function deleteWindow(actor: SessionUser, id: string): Promise<void> {
  assertCan(actor.role, "settings.manage");
  await getDb().$transaction(async (tx) => {
    const row = await tx.deploymentWindow.findUnique({ where: { id }, select: windowSelect });
    if (!row) throw notFound();
    await tx.deploymentWindow.delete({ where: { id } });
    await audit(tx, actor, toDomainWindow(row), null, `Deployment window '${row.name}' removed.`);
  });
}
