import "server-only";

// The gate: "may this version go to this environment now?", for pipelines, Argo CD and Kargo.
// Reads the release (by id, else by the version it ships), the windows that speak for the
// environment and its product, the freezes of its region (PROD), and the approved exceptions;
// the domain decides. An enforced question is recorded with its answer, and a closed gate is 423.
import { Prisma } from "@/generated/prisma/client";
import {
  evaluateWindows,
  freezesAround,
  windowApplies,
  type WindowRules,
} from "@/lib/domain/deployment-windows";
import { decideGate, type GateReason, type GateRelease, windowsApplyTo } from "@/lib/domain/gate";
import { periodsForRegion } from "@/lib/domain/settings";
import type { StageKey } from "@/lib/domain/stages";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { type DbTransaction, getDb } from "@/lib/server/db/client";
import { toJsonInput } from "@/lib/server/db/json";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import type { SessionUser } from "@/lib/types/user";
import type { GateAnswer, GateCheckDto } from "@/lib/types/windows";
import type { GateQuery } from "@/lib/validation/windows";

import { exceptionSelect, toExceptionDto } from "./exception-dto";
import { loadWindows } from "./windows";

const DAY_MS = 86_400_000;

const gateReleaseSelect = {
  id: true,
  name: true,
  version: true,
  digest: true,
  status: true,
  region: true,
  product: { select: { key: true } },
  stages: { select: { key: true, status: true }, orderBy: { key: "asc" } },
} satisfies Prisma.ReleaseSelect;

type GateReleaseRow = Prisma.ReleaseGetPayload<{ select: typeof gateReleaseSelect }>;

/** The release a question names: by id (404 if none), else the one not cancelled that ships the
 *  version, else a cancelled one (which the gate then refuses as not under way). */
async function releaseOf(db: DbTransaction, query: GateQuery): Promise<GateReleaseRow | null> {
  if (query.releaseId) {
    const row = await db.release.findUnique({
      where: { id: query.releaseId },
      select: gateReleaseSelect,
    });
    if (!row) {
      throw new AppError("NOT_FOUND", "RELEASE_NOT_FOUND", "There is no release with this id.", {
        releaseId: query.releaseId,
      });
    }
    return row;
  }
  const candidates = await db.release.findMany({
    where: { version: query.version! },
    select: gateReleaseSelect,
    orderBy: { createdAt: "desc" },
    take: 5,
  });
  return candidates.find((row) => row.status !== "CANCELLED") ?? candidates[0] ?? null;
}

/** The windows, freezes and exceptions that decide for a release (or none) in an environment. */
export async function windowRulesFor(
  db: DbTransaction,
  release: { id: string; region: string; productKey: string | null } | null,
  environment: StageKey,
  now: number,
): Promise<WindowRules> {
  const settings = await getPlanningSettings(db);
  const windows = (await loadWindows(db)).filter((window) =>
    windowApplies(window, environment, release?.productKey ?? null),
  );
  const region = release?.region ?? settings.defaultRegion;
  const freezes =
    environment === "PROD"
      ? freezesAround(
          periodsForRegion(settings.periods, region).freezes,
          now - 400 * DAY_MS,
          now + 400 * DAY_MS,
        )
      : [];
  const exceptions = release
    ? await db.gateException.findMany({
        where: {
          releaseId: release.id,
          environment,
          state: "APPROVED",
          endsAt: { gt: new Date(now) },
        },
        select: { startsAt: true, endsAt: true },
      })
    : [];
  return {
    windows,
    freezes,
    timeZone: settings.companyTimeZone,
    exceptions: exceptions.map((row) => ({
      start: row.startsAt.getTime(),
      end: row.endsAt.getTime(),
    })),
  };
}

function toGateRelease(row: GateReleaseRow): GateRelease {
  return {
    name: row.name,
    version: row.version,
    digest: row.digest,
    status: row.status,
    stages: row.stages,
  };
}

/** The gate's answer at `now` (no recording: see `askGate`). */
export async function gateAnswer(query: GateQuery, now = new Date()): Promise<GateAnswer> {
  const db = getDb();
  const row = await releaseOf(db, query);
  const release = row && toGateRelease(row);
  const at = now.getTime();
  const rules = windowsApplyTo(release, query.environment)
    ? await windowRulesFor(
        db,
        row && { id: row.id, region: row.region, productKey: row.product?.key ?? null },
        query.environment,
        at,
      )
    : null;
  const decision = decideGate(
    release,
    { environment: query.environment, version: query.version, digest: query.digest },
    rules && evaluateWindows(rules, at),
  );
  const reasons: GateReason[] = [...decision.reasons];
  // Named by id and by a version that is not the release's: another artifact.
  if (row && query.releaseId && query.version && query.version !== row.version) {
    reasons.push({
      code: "DIGEST_MISMATCH",
      message: `${query.version} is not the version of ${row.name} (${row.version}).`,
    });
  }
  const running = row
    ? await db.gateException.findFirst({
        where: {
          releaseId: row.id,
          environment: query.environment,
          state: "APPROVED",
          startsAt: { lte: now },
          endsAt: { gt: now },
        },
        select: exceptionSelect,
        orderBy: { endsAt: "desc" },
      })
    : null;
  const open = reasons.length === 0;
  return {
    open,
    environment: query.environment,
    release: row && { id: row.id, name: row.name, version: row.version },
    reasons,
    until: open && decision.until !== null ? new Date(decision.until).toISOString() : null,
    nextOpen:
      !open && reasons.length === decision.reasons.length && decision.nextOpen !== null
        ? new Date(decision.nextOpen).toISOString()
        : null,
    exception: running && toExceptionDto(running),
  };
}

/**
 * GET /api/gate. With `enforce`, the question and its answer are recorded on the release, and a
 * closed gate is a 423 GATE_CLOSED carrying the same answer, so that `curl --fail` stops a pipeline.
 */
export async function askGate(
  actor: SessionUser,
  query: GateQuery,
  now = new Date(),
): Promise<GateAnswer> {
  assertCan(actor.role, "gate.ask");
  const answer = await gateAnswer(query, now);
  if (!query.enforce) return answer;
  await getDb().gateCheck.create({
    data: {
      releaseId: answer.release?.id ?? null,
      environment: query.environment,
      version: query.version ?? answer.release?.version ?? null,
      digest: query.digest ?? null,
      open: answer.open,
      reasons: toJsonInput(answer.reasons) ?? [],
      actorId: actor.id,
      createdAt: now,
    },
  });
  if (answer.open) return answer;
  throw new AppError(
    "LOCKED",
    "GATE_CLOSED",
    `The gate to ${query.environment} is closed: ${answer.reasons.map((reason) => reason.message).join(" ")}`,
    answer,
  );
}

/** The enforced questions the gate refused for a release, newest first. */
export async function listRefusedChecks(releaseId: string, limit = 50): Promise<GateCheckDto[]> {
  const rows = await getDb().gateCheck.findMany({
    where: { releaseId, open: false },
    orderBy: { id: "desc" },
    take: limit,
  });
  const actorIds = [...new Set(rows.map((row) => row.actorId).filter((id) => id !== null))];
  const actors = await getDb().user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, name: true },
  });
  return rows.map((row) => ({
    id: row.id.toString(),
    environment: row.environment,
    version: row.version,
    digest: row.digest,
    open: row.open,
    reasons: row.reasons as GateReason[],
    actor: actors.find((actor) => actor.id === row.actorId) ?? null,
    at: row.createdAt.toISOString(),
  }));
}

/** Forgets enforced questions older than 180 days (the worker, once a minute). */
export async function pruneGateChecks(now = new Date()): Promise<number> {
  const { count } = await getDb().gateCheck.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - 180 * DAY_MS) } },
  });
  return count;
}
