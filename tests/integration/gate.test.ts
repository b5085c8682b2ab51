// The gate through its routes: every reason it closes, enforce=true → 423 and recorded, exceptions
// (four eyes, once, bounded) opening it until they end, windows kept by admins, and the exports
// validated by the tools' own schemas and parsers. Windows are placed around the moment the test
// runs (a daily window that began an hour ago), so the test holds on any day at any hour.
import { AppProject } from "@kubernetes-models/argo-cd/argoproj.io/v1alpha1";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";

import * as exceptionApproveRoute from "@/app/api/exceptions/[id]/approve/route";
import * as exceptionRefuseRoute from "@/app/api/exceptions/[id]/refuse/route";
import * as exceptionsRoute from "@/app/api/exceptions/route";
import * as gateRoute from "@/app/api/gate/route";
import * as releaseExceptionsRoute from "@/app/api/releases/[id]/exceptions/route";
import * as windowRoute from "@/app/api/windows/[id]/route";
import * as exportRoute from "@/app/api/windows/export/route";
import * as windowsRoute from "@/app/api/windows/route";
import { addDays, isoToDate } from "@/lib/domain/dates";
import { wallTimeOf } from "@/lib/domain/wall-clock";
import { dispatchPending } from "@/lib/server/notifications/dispatch";
import { createRelease } from "@/lib/server/releases/create-release";
import { holdRelease } from "@/lib/server/releases/stage-actions";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { companyToday } from "@/lib/server/today";
import { expireExceptions } from "@/lib/server/windows/exceptions";
import { gateAnswer } from "@/lib/server/windows/gate";
import type { ReleaseDto } from "@/lib/types/release";
import type { SessionUser } from "@/lib/types/user";
import type { ExceptionDto, GateAnswer, WindowDto, WindowList } from "@/lib/types/windows";

import { issueTestToken } from "../support/api-tokens";
import { callJson, callRoute } from "../support/call-route";
import { createUser, goLiveIn, takeLive } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

type Person = SessionUser & { token: string };
type Failure = { error: { code: string; message: string; details?: unknown } };
let db: TestDatabase;
const people = {} as Record<"admin" | "rm" | "rm2" | "qa" | "qa2" | "viewer", Person>;
let deployToken: string;
let timeZone: string;
let today: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const roles = {
    admin: "ADMIN",
    rm: "RELEASE_MANAGER",
    rm2: "RELEASE_MANAGER",
    qa: "QA",
    qa2: "QA",
    viewer: "VIEWER",
  } as const;
  for (const [key, role] of Object.entries(roles)) {
    const user = await createUser(db.prisma, role, `${key} person`);
    people[key as keyof typeof people] = {
      ...user,
      token: await issueTestToken(db.prisma, user.email),
    };
  }
  deployToken = await issueTestToken(db.prisma, people.qa.email, "deploy");
  await db.prisma.product.create({ data: { key: "gated", name: "Gated" } });
  await db.prisma.product.create({ data: { key: "open-product", name: "Open product" } });
  timeZone = (await getPlanningSettings()).companyTimeZone;
  today = companyToday(timeZone);
});
afterAll(() => db.close());

let counter = 0;
async function release(product = "gated"): Promise<ReleaseDto> {
  counter += 1;
  return createRelease(people.rm, {
    type: "RELEASE",
    name: `Gate ${counter}`,
    version: `gate:${counter}.${Date.now()}`,
    digest: `sha256:${"a".repeat(63)}${counter % 10}`,
    goLive: await goLiveIn(60),
    product,
  });
}

/** A daily window that began an hour ago (company time) and lasts three: it covers now. */
function aroundNow(overrides: Record<string, unknown> = {}) {
  const wall = new Date(wallTimeOf(Date.now() - 60 * 60_000, timeZone));
  return {
    name: "Around now",
    kind: "DENY",
    environments: ["DEV"],
    products: ["gated"],
    rule: "FREQ=DAILY",
    startTime: wall.toISOString().slice(11, 16),
    durationMinutes: 180,
    startsOn: addDays(today, -2),
    ...overrides,
  };
}

/** A daily window that begins in two hours and lasts thirty minutes: it does not cover now. */
function later(overrides: Record<string, unknown> = {}) {
  const wall = new Date(wallTimeOf(Date.now() + 120 * 60_000, timeZone));
  return aroundNow({
    name: "Later",
    startTime: wall.toISOString().slice(11, 16),
    durationMinutes: 30,
    ...overrides,
  });
}

const addWindow = (body: unknown, who: Person = people.admin) =>
  callJson<WindowDto & Failure>(windowsRoute.POST, {
    method: "POST",
    path: "/api/windows",
    token: who.token,
    body,
  });
const removeWindow = (id: string) =>
  callJson(windowRoute.DELETE, {
    method: "DELETE",
    path: `/api/windows/${id}`,
    token: people.admin.token,
    params: { id },
  });
const ask = (query: string, token = people.viewer.token) =>
  callJson<GateAnswer & Failure>(gateRoute.GET, { path: `/api/gate?${query}`, token });
const askFor = (exceptionRelease: string, body: unknown, who: Person = people.rm) =>
  callJson<ExceptionDto & Failure>(releaseExceptionsRoute.POST, {
    method: "POST",
    path: `/api/releases/${exceptionRelease}/exceptions`,
    token: who.token,
    body,
    params: { id: exceptionRelease },
  });
const decide = (verb: "approve" | "refuse", id: string, who: Person, body: unknown = {}) =>
  callJson<ExceptionDto & Failure>(
    verb === "approve" ? exceptionApproveRoute.POST : exceptionRefuseRoute.POST,
    {
      method: "POST",
      path: `/api/exceptions/${id}/${verb}`,
      token: who.token,
      body,
      params: { id },
    },
  );
const codes = (answer: GateAnswer) => answer.reasons.map((reason) => reason.code);

describe("the gate", () => {
  it("opens for a release under way in an open stage, for any token scope", async () => {
    const fresh = await release("open-product");
    const answer = await ask(`environment=DEV&version=${fresh.version}`, deployToken);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      open: true,
      environment: "DEV",
      release: { id: fresh.id, name: fresh.name, version: fresh.version },
      reasons: [],
      until: null,
      nextOpen: null,
      exception: null,
    });
  });

  it("closes for an unknown version, a release on hold, a stage not open and another digest", async () => {
    const unknown = await ask("environment=PROD&version=nobody:1.0");
    expect(unknown.body.open).toBe(false);
    expect(codes(unknown.body)).toEqual(["UNKNOWN_VERSION"]);
    expect(unknown.body.release).toBeNull();

    const held = await release("open-product");
    await holdRelease({ id: held.id, actor: people.rm, reason: "Waiting for the vendor." });
    const answer = await ask(
      `environment=TEST&releaseId=${held.id}&digest=sha256:${"b".repeat(64)}`,
    );
    expect(codes(answer.body)).toEqual(["NOT_UNDER_WAY", "STAGE_NOT_OPEN", "DIGEST_MISMATCH"]);
    expect(answer.body.nextOpen).toBeNull();
  });

  it("closes in a deny window of the product and says when it opens; other products pass", async () => {
    const window = await addWindow(aroundNow());
    expect(window.status).toBe(201);
    const gated = await release();
    const closed = await ask(`environment=DEV&version=${gated.version}`);
    expect(codes(closed.body)).toEqual(["DENY_WINDOW"]);
    expect(closed.body.reasons[0]!.message).toContain("'Around now'");
    const opens = Date.parse(closed.body.nextOpen!);
    // About two hours from now (a daylight-saving change tonight would move it by one).
    expect(opens).toBeGreaterThan(Date.now() + 50 * 60_000);
    expect(opens).toBeLessThanOrEqual(Date.now() + 181 * 60_000);

    const other = await release("open-product");
    expect((await ask(`environment=DEV&version=${other.version}`)).body.open).toBe(true);
    await removeWindow(window.body.id);
  });

  it("closes outside every allow window, and says until when an open one holds", async () => {
    const allow = await addWindow(later({ kind: "ALLOW", name: "Later allow" }));
    const gated = await release();
    const outside = await ask(`environment=DEV&version=${gated.version}`);
    expect(codes(outside.body)).toEqual(["OUTSIDE_ALLOW_WINDOW"]);
    expect(Date.parse(outside.body.nextOpen!)).toBeGreaterThan(Date.now() + 50 * 60_000);
    await removeWindow(allow.body.id);

    const inside = await addWindow(aroundNow({ kind: "ALLOW", name: "Now allow" }));
    const open = await ask(`environment=DEV&version=${gated.version}`);
    expect(open.body.open).toBe(true);
    expect(Date.parse(open.body.until!)).toBeGreaterThan(Date.now() + 50 * 60_000);
    await removeWindow(inside.body.id);
  });

  it("answers 423 GATE_CLOSED with enforce=true, records the attempt and lists it on the release", async () => {
    const fresh = await release("open-product");
    const refused = await ask(
      `environment=PROD&version=${fresh.version}&enforce=true`,
      deployToken,
    );
    expect(refused.status).toBe(423);
    expect(refused.body.error.code).toBe("GATE_CLOSED");
    expect((refused.body.error.details as GateAnswer).reasons[0]!.code).toBe("STAGE_NOT_OPEN");
    const allowed = await ask(`environment=DEV&version=${fresh.version}&enforce=1`, deployToken);
    expect(allowed.status).toBe(200);

    const checks = await db.prisma.gateCheck.findMany({ where: { releaseId: fresh.id } });
    expect(checks.map((check) => check.open).sort()).toEqual([false, true]);
    const listed = await callJson<{
      refused: { environment: string; reasons: { code: string }[] }[];
    }>(releaseExceptionsRoute.GET, {
      path: `/api/releases/${fresh.id}/exceptions`,
      token: people.viewer.token,
      params: { id: fresh.id },
    });
    expect(listed.body.refused).toHaveLength(1);
    expect(listed.body.refused[0]).toMatchObject({
      environment: "PROD",
      reasons: [{ code: "STAGE_NOT_OPEN" }],
    });
  });

  it("refuses bad questions: an unknown environment, no release named, unknown parameters", async () => {
    expect((await ask("environment=STAGING&version=x")).status).toBe(400);
    expect((await ask("environment=PROD")).status).toBe(400);
    expect((await ask("environment=PROD&version=x&at=now")).body.error.code).toBe(
      "UNKNOWN_PARAMETER",
    );
    const missing = await ask(`environment=PROD&releaseId=${crypto.randomUUID()}`);
    expect(missing.status).toBe(404);
  });

  it("lets a live release go back to PROD through a deny window and a freeze, but not another digest", async () => {
    const live = await release();
    await takeLive(live.id, { qa: people.qa, qa2: people.qa2, manager: people.rm2 });
    const window = await addWindow(aroundNow({ environments: ["PROD"], name: "PROD now" }));
    const freeze = await db.prisma.calendarPeriod.create({
      data: {
        kind: "FREEZE",
        name: "Today's freeze",
        startDate: isoToDate(today),
        endDate: isoToDate(today),
        recurrence: "ONE_OFF",
      },
    });
    try {
      const rollBack = await ask(`environment=PROD&version=${live.version}`);
      expect(rollBack.body).toMatchObject({ open: true, reasons: [], until: null });
      const other = await ask(
        `environment=PROD&version=${live.version}&digest=sha256:${"c".repeat(64)}`,
      );
      expect(codes(other.body)).toEqual(["DIGEST_MISMATCH"]);
      // A release still under way meets both.
      const underWay = await release();
      const answer = await ask(`environment=PROD&version=${underWay.version}`);
      expect(codes(answer.body)).toEqual(
        expect.arrayContaining(["STAGE_NOT_OPEN", "DENY_WINDOW", "FREEZE"]),
      );
    } finally {
      await removeWindow(window.body.id);
      await db.prisma.calendarPeriod.delete({ where: { id: freeze.id } });
    }
  });
});

describe("exceptions", () => {
  it("open the gate through a deny window once another person approves, until they end", async () => {
    const window = await addWindow(aroundNow({ name: "Incident window" }));
    const gated = await release();
    const from = new Date(Date.now() - 60_000).toISOString();
    const to = new Date(Date.now() + 30 * 60_000).toISOString();
    const asked = await askFor(gated.id, {
      environment: "DEV",
      from,
      to,
      reason: "INC-4711 hotfix",
    });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ state: "REQUESTED", requestedBy: { id: people.rm.id } });
    // Asked is not approved: still closed.
    expect((await ask(`environment=DEV&version=${gated.version}`)).body.open).toBe(false);

    expect((await decide("approve", asked.body.id, people.rm)).body.error.code).toBe("FOUR_EYES");
    expect((await decide("approve", asked.body.id, people.viewer)).status).toBe(403);
    expect((await decide("approve", asked.body.id, people.qa)).status).toBe(403);
    const approved = await decide("approve", asked.body.id, people.rm2, { comment: "Go." });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ state: "APPROVED", decidedBy: { id: people.rm2.id } });
    expect((await decide("refuse", asked.body.id, people.admin)).body.error.code).toBe(
      "ALREADY_DECIDED",
    );

    const open = await ask(`environment=DEV&version=${gated.version}`);
    expect(open.body).toMatchObject({ open: true, exception: { id: asked.body.id } });
    expect(open.body.until).toBe(asked.body.to);
    // Another environment is not excepted.
    expect((await ask(`environment=TEST&version=${gated.version}`)).body.open).toBe(false);

    // Its time over, the windows close the gate again, and the worker ends it once.
    const after = new Date(Date.now() + 45 * 60_000);
    const closed = await gateAnswer({ environment: "DEV", version: gated.version }, after);
    expect(closed.reasons.map((reason) => reason.code)).toEqual(["DENY_WINDOW"]);
    expect(await expireExceptions(after)).toBeGreaterThanOrEqual(1);
    expect(await expireExceptions(after)).toBe(0);
    const ended = await db.prisma.gateException.findUniqueOrThrow({ where: { id: asked.body.id } });
    expect(ended.state).toBe("EXPIRED");

    const audit = await db.prisma.auditEvent.findMany({
      where: {
        releaseId: gated.id,
        action: { in: ["EXCEPTION_REQUESTED", "EXCEPTION_APPROVED", "EXCEPTION_EXPIRED"] },
      },
      orderBy: { id: "asc" },
    });
    expect(audit.map((event) => event.action)).toEqual([
      "EXCEPTION_REQUESTED",
      "EXCEPTION_APPROVED",
      "EXCEPTION_EXPIRED",
    ]);
    const events = await db.prisma.outboxEvent.findMany({
      where: { releaseId: gated.id, event: { startsWith: "exception." } },
      orderBy: { id: "asc" },
    });
    expect(events.map((event) => event.event)).toEqual([
      "exception.requested",
      "exception.approved",
      "exception.expired",
    ]);
    // Administrators hear of the request; the one who asked, of the decision and the end.
    while ((await dispatchPending()) > 0);
    const emails = await db.prisma.delivery.findMany({
      where: { channel: "EMAIL", eventId: { in: events.map((event) => event.id) } },
      orderBy: { id: "asc" },
    });
    const subjects = (userId: string) =>
      emails
        .filter((email) => email.userId === userId)
        .map((email) => (email.payload as { subject: string }).subject);
    expect(subjects(people.admin.id)).toEqual([`Exception asked: Development of ${gated.name}`]);
    expect(subjects(people.rm.id).sort()).toEqual([
      `Exception approved: Development of ${gated.name}`,
      `Exception ended: Development of ${gated.name}`,
    ]);
    await removeWindow(window.body.id);
  });

  it("are refused, listed by state, and bounded: at most 72 hours, not in the past", async () => {
    const gated = await release();
    const hour = 3_600_000;
    const at = (hours: number) => new Date(Date.now() + hours * hour).toISOString();
    const tooLong = await askFor(gated.id, {
      environment: "PROD",
      from: at(1),
      to: at(74),
      reason: "A long weekend of changes",
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.error.code).toBe("EXCEPTION_TOO_LONG");
    const past = await askFor(gated.id, {
      environment: "PROD",
      from: at(-5),
      to: at(-1),
      reason: "Already happened",
    });
    expect(past.body.error.code).toBe("END_IN_PAST");
    expect(
      (await askFor(gated.id, { environment: "PROD", from: at(2), to: at(1), reason: "Backwards" }))
        .status,
    ).toBe(400);
    expect(
      (
        await askFor(
          gated.id,
          { environment: "PROD", from: at(1), to: at(2), reason: "QA asks" },
          people.qa,
        )
      ).status,
    ).toBe(403);

    const asked = await askFor(gated.id, {
      environment: "PROD",
      from: at(1),
      to: at(3),
      reason: "Certificate rotation",
    });
    const refused = await decide("refuse", asked.body.id, people.admin, { comment: "Not now." });
    expect(refused.body).toMatchObject({ state: "REFUSED", comment: "Not now." });
    const listed = await callJson<ExceptionDto[]>(exceptionsRoute.GET, {
      path: "/api/exceptions?state=REFUSED",
      token: people.viewer.token,
    });
    expect(listed.body.map((exception) => exception.id)).toContain(asked.body.id);
    expect(listed.body.every((exception) => exception.state === "REFUSED")).toBe(true);
    // Nothing half-written by the refused requests.
    expect(await db.prisma.gateException.count({ where: { releaseId: gated.id } })).toBe(1);
  });
});

describe("deployment windows", () => {
  it("are kept by admins: added with their next occurrences, changed, removed, audited", async () => {
    const added = await addWindow({
      name: "Weekend",
      kind: "DENY",
      environments: ["PROD", "PREPROD"],
      rule: "FREQ=WEEKLY;BYDAY=FR",
      startTime: "14:00",
      durationMinutes: 3960,
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      environments: ["PREPROD", "PROD"],
      products: [],
      startsOn: today,
      description: "every week on Friday",
    });
    expect(added.body.next).toHaveLength(5);
    expect(added.body.next[0]!.startLocal).toMatch(/T14:00$/);
    expect(added.body.next[0]!.endLocal).toMatch(/T08:00$/);

    const changed = await callJson<WindowDto>(windowRoute.PATCH, {
      method: "PATCH",
      path: `/api/windows/${added.body.id}`,
      token: people.admin.token,
      body: { startTime: "15:00", durationMinutes: 60 },
      params: { id: added.body.id },
    });
    expect(changed.body.next[0]!.endLocal).toMatch(/T16:00$/);
    const list = await callJson<WindowList>(windowsRoute.GET, {
      path: "/api/windows",
      token: people.viewer.token,
    });
    expect(list.body.timeZone).toBe(timeZone);
    expect(list.body.windows.map((window) => window.name)).toContain("Weekend");
    expect((await removeWindow(added.body.id)).status).toBe(204);
    expect((await removeWindow(added.body.id)).status).toBe(404);

    const audit = await db.prisma.auditEvent.findMany({
      where: { action: "WINDOW_CHANGED", actorId: people.admin.id },
    });
    expect(audit.map((event) => event.comment)).toEqual(
      expect.arrayContaining([
        "Deployment window 'Weekend' added.",
        "Deployment window 'Weekend' changed.",
        "Deployment window 'Weekend' removed.",
      ]),
    );
  });

  it("refuse a rule that never fires, an unknown environment or product, and non-admins", async () => {
    const before = await db.prisma.deploymentWindow.count();
    const never = await addWindow(aroundNow({ rule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31" }));
    expect(never.status).toBe(422);
    expect(never.body.error.code).toBe("EMPTY_RULE");
    expect((await addWindow(aroundNow({ environments: ["STAGING"] }))).status).toBe(400);
    expect((await addWindow(aroundNow({ rule: "FREQ=NEVER" }))).status).toBe(400);
    expect((await addWindow(aroundNow({ startTime: "24:00" }))).status).toBe(400);
    expect((await addWindow(aroundNow({ products: ["no-such"] }))).body.error.code).toBe(
      "UNKNOWN_PRODUCT",
    );
    expect((await addWindow(aroundNow(), people.rm)).status).toBe(403);
    expect(await db.prisma.deploymentWindow.count()).toBe(before);
  });
});

describe("exports", () => {
  const exportOf = async (query: string) => {
    const response = await callRoute(exportRoute.GET, {
      path: `/api/windows/export?${query}`,
      token: people.viewer.token,
    });
    return {
      status: response.status,
      type: response.headers.get("content-type"),
      text: await response.text(),
    };
  };

  it("give Argo CD an AppProject its schema accepts, cron where exact and occurrences where not", async () => {
    const weekly = await addWindow({
      name: "Office hours",
      kind: "ALLOW",
      environments: ["INT"],
      rule: "FREQ=WEEKLY;BYDAY=TU,WE,TH",
      startTime: "09:00",
      durationMinutes: 420,
      startsOn: addDays(today, -30),
    });
    const monthly = await addWindow({
      name: "Patch Tuesday",
      kind: "DENY",
      environments: ["INT"],
      products: ["gated"],
      rule: "FREQ=MONTHLY;BYDAY=2TU",
      startTime: "18:00",
      durationMinutes: 240,
      startsOn: addDays(today, -30),
    });
    const file = await exportOf("format=argocd&environment=INT");
    expect(file.type).toContain("application/yaml");
    const project = parseYaml(file.text);
    expect(() => new AppProject(project).validate()).not.toThrow();
    const windows = project.spec.syncWindows as {
      kind: string;
      schedule: string;
      duration: string;
      applications: string[];
      timeZone: string;
    }[];
    expect(windows[0]).toMatchObject({
      kind: "allow",
      schedule: "0 9 * * 2,3,4",
      duration: "7h",
      applications: ["*"],
      timeZone,
    });
    const patchTuesdays = windows.filter((window) => window.applications[0] === "gated");
    // Twelve second Tuesdays a year, thirteen when one falls at each end of the twelve months.
    expect([12, 13]).toContain(patchTuesdays.length);
    expect(file.text).toContain(
      `# 'Patch Tuesday' is expanded into its ${patchTuesdays.length} occurrences of the next twelve months: cron cannot state its rule.`,
    );

    const ics = await exportOf("format=ics&environment=INT");
    expect(ics.type).toContain("text/calendar");
    const calendar = new ICAL.Component(ICAL.parse(ics.text));
    const events = calendar.getAllSubcomponents("vevent").map((event) => new ICAL.Event(event));
    expect(events.map((event) => event.summary)).toEqual([
      "Allow: Office hours",
      "Deny: Patch Tuesday",
    ]);
    expect(calendar.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe(
      timeZone,
    );
    const iterator = events[1]!.iterator();
    const first = iterator.next()!.toJSDate();
    expect(first.getTime()).toBeGreaterThan(Date.parse(`${addDays(today, -31)}T00:00:00Z`));

    const gitlab = await exportOf("format=gitlab&environment=INT&product=gated");
    const periods = JSON.parse(gitlab.text) as {
      freeze_periods: { freeze_start: string; cron_timezone: string }[];
      comment: string;
    };
    expect(periods.comment).toContain("GitLab has no allow windows");
    expect(periods.freeze_periods.length).toBeGreaterThan(12);
    expect(periods.freeze_periods.every((period) => period.cron_timezone === timeZone)).toBe(true);

    expect((await exportOf("format=pdf&environment=INT")).status).toBe(400);
    expect((await exportOf("format=ics&environment=NOWHERE")).status).toBe(400);
    await removeWindow(weekly.body.id);
    await removeWindow(monthly.body.id);
  });

  it("give GitLab the freezes and weekly deny windows as start and end cron", async () => {
    const weekend = await addWindow({
      name: "Weekend",
      kind: "DENY",
      environments: ["PROD"],
      rule: "FREQ=WEEKLY;BYDAY=FR",
      startTime: "14:00",
      durationMinutes: 3960,
      startsOn: addDays(today, -30),
    });
    const gitlab = await exportOf("format=gitlab&environment=PROD");
    const body = JSON.parse(gitlab.text) as {
      freeze_periods: { name: string; freeze_start: string; freeze_end: string }[];
    };
    expect(body.freeze_periods).toContainEqual(
      expect.objectContaining({
        name: "Weekend",
        freeze_start: "0 14 * * 5",
        freeze_end: "0 8 * * 1",
      }),
    );
    await removeWindow(weekend.body.id);
  });
});
