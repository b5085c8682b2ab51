// Test data factories shared by the integration tests.
import { randomUUID } from "node:crypto";

import type { PrismaClient } from "@/generated/prisma/client";
import { addDays } from "@/lib/domain/dates";
import type { Role, StageKey } from "@/lib/domain/stages";
import { calendarFor } from "@/lib/server/calendars";
import { createRelease } from "@/lib/server/releases/create-release";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { companyToday } from "@/lib/server/today";
import type { SessionUser } from "@/lib/types/user";

export async function createUser(
  prisma: PrismaClient,
  role: Role,
  name = `${role} ${randomUUID().slice(0, 6)}`,
): Promise<SessionUser> {
  const user = await prisma.user.create({
    data: { email: `${randomUUID()}@test.local`, name, role, passwordHash: "not-used" },
    select: { id: true, email: true, name: true, role: true },
  });
  return user;
}

/** A go-live that is a possible go-live day about `days` calendar days from today. */
export async function goLiveIn(days: number): Promise<string> {
  const settings = await getPlanningSettings();
  const calendar = calendarFor(settings.defaultRegion, settings.periods);
  let date = addDays(companyToday(settings.companyTimeZone), days);
  while (!calendar.isWorkingDay(date) || calendar.freezeOn(date)) date = addDays(date, 1);
  return date;
}

export async function newRelease(
  manager: SessionUser,
  options: { days?: number; name?: string } = {},
) {
  return createRelease(manager, {
    type: "RELEASE",
    name: options.name ?? `Release ${randomUUID().slice(0, 8)}`,
    version: `1.0.0-${randomUUID().slice(0, 8)}`,
    goLive: await goLiveIn(options.days ?? 60),
  });
}

/** Who signs each stage, in order, to take a release live (PREPROD needs two people). */
export const SIGN_OFF_ORDER: { key: StageKey; who: "qa" | "qa2" | "manager" }[] = [
  { key: "DEV", who: "qa" },
  { key: "TEST", who: "qa" },
  { key: "LAST", who: "qa" },
  { key: "INT", who: "qa" },
  { key: "PREPROD", who: "qa" },
  { key: "PREPROD", who: "qa2" },
  { key: "PROD", who: "manager" },
];

/** Signs every stage off today, as the rules want it (two QA for PREPROD, another manager for PROD). */
export async function takeLive(
  releaseId: string,
  people: { qa: SessionUser; qa2: SessionUser; manager: SessionUser },
) {
  const { signOffStage } = await import("@/lib/server/releases/stage-actions");
  let release;
  for (const { key, who } of SIGN_OFF_ORDER) {
    release = await signOffStage({ id: releaseId, key, decision: "APPROVE", actor: people[who] });
  }
  return release!;
}
