// The demo portfolio must be what the app itself would have made of its story. Each seeded release
// is replayed from its first plan through the sign-off state machine (lib/domain/signoff.ts), one
// recorded decision, hold or cancellation at a time, on the day it was recorded: the stage dates,
// statuses, rounds and the audit trail must come out exactly as stored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { dateToIso, todayIn } from "@/lib/domain/dates";
import { planForward } from "@/lib/domain/planner";
import type { PlanningSettings } from "@/lib/domain/settings";
import {
  applyOutcome,
  cancel,
  decide,
  hold,
  newReleaseState,
  type Outcome,
  type ReleaseState,
} from "@/lib/domain/signoff";
import type { Role } from "@/lib/domain/stages";
import { calendarFor } from "@/lib/server/calendars";
import { releaseContext } from "@/lib/server/releases/release-context";
import { releaseSelect, toReleaseDto } from "@/lib/server/releases/release-dto";
import { toReleaseState } from "@/lib/server/releases/release-state";
import { seedDemoData } from "@/lib/server/seed/seed-demo";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";

import { createTestDatabase, type TestDatabase } from "../support/test-database";

const TODAY = "2027-03-10";
let db: TestDatabase;
let settings: PlanningSettings;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma, { today: TODAY });
  settings = await getPlanningSettings();
});
afterAll(() => db.close());

function deputyFor(user: { id: string; role: Role; name: string }) {
  return { id: user.id, role: user.role, name: user.name };
}

type Step = { at: Date; apply: (state: ReleaseState, today: string) => Outcome; actorId: string };

describe("the demo portfolio", () => {
  it("replays through the sign-off rules to exactly the stored stages and audit trail", async () => {
    const rows = await db.prisma.release.findMany({
      select: {
        ...releaseSelect,
        auditEvents: { orderBy: { id: "asc" }, include: { actor: true } },
      },
    });
    expect(rows.length).toBeGreaterThanOrEqual(20);
    const users = new Map((await db.prisma.user.findMany()).map((user) => [user.id, user]));

    for (const row of rows) {
      const created = row.auditEvents[0]!;
      expect(created.action).toBe("RELEASE_CREATED");
      // Releases already under way were planned before the freeze windows were set up.
      const periods =
        row.status === "PLANNED"
          ? settings.periods
          : settings.periods.filter((period) => period.kind !== "FREEZE");
      const calendar = calendarFor(row.region, periods);
      const start = (created.after as { start: string }).start;
      const plan = planForward(start, settings.durations, calendar);
      expect(dateToIso(row.baselineGoLive), row.name).toBe(plan.goLive);

      const steps: Step[] = [
        ...row.stages.flatMap((stage) =>
          stage.approvals.map((approval): Step => ({
            at: approval.createdAt,
            actorId: approval.userId,
            apply: (state, today) =>
              decide({
                release: state,
                key: stage.key,
                actor: { id: approval.userId, role: users.get(approval.userId)!.role },
                decision: approval.decision,
                comment: approval.comment,
                rule: settings.stageRules[stage.key],
                today,
                calendar,
                ...(approval.onBehalfOfId && {
                  onBehalfOfId: approval.onBehalfOfId,
                  delegators: [deputyFor(users.get(approval.onBehalfOfId)!)],
                }),
              }),
          })),
        ),
        ...row.auditEvents
          .filter(
            (event) => event.action === "RELEASE_HELD" || event.action === "RELEASE_CANCELLED",
          )
          .map((event): Step => ({
            at: event.createdAt,
            actorId: event.actorId!,
            apply: (state) => {
              const actor = { id: event.actorId!, role: event.actor!.role };
              return event.action === "RELEASE_HELD"
                ? hold(state, actor, event.comment!)
                : cancel(state, actor, event.comment!);
            },
          })),
      ].sort((a, b) => a.at.getTime() - b.at.getTime());

      const stored = toReleaseState(row);
      // The product's named approvers apply throughout (the demo named them before any release).
      let state = newReleaseState(row.createdById, plan.stages, settings.stageRules);
      state = {
        ...state,
        stages: state.stages.map((stage, index) => ({
          ...stage,
          approverIds: stored.stages[index]!.approverIds,
        })),
      };
      const actions = ["RELEASE_CREATED"];
      for (const step of steps) {
        const outcome = step.apply(state, todayIn(settings.companyTimeZone, step.at));
        state = applyOutcome(state, outcome, step.actorId);
        actions.push(...outcome.events.map((event) => event.action));
      }

      expect(state.status, row.name).toBe(stored.status);
      expect(state.stages, row.name).toEqual(stored.stages);
      // The rollout plan, its steps done, and what production showed after go-live are changes
      // of their own beside the sign-off story (their rules have tests of their own).
      // Deployments are evidence reported beside the story; they change no revision.
      const besides = ["ROLLOUT_PLANNED", "ROLLOUT_STEP_DONE", "RELEASE_OUTCOME"];
      const story = row.auditEvents.filter(
        (event) => !besides.includes(event.action) && event.action !== "DEPLOYMENT_RECORDED",
      );
      const others = row.auditEvents.filter((event) => besides.includes(event.action));
      expect(others.filter((e) => e.action === "RELEASE_OUTCOME").length, row.name).toBe(
        row.outcome ? 1 : 0,
      );
      expect(
        story.map((event) => event.action),
        row.name,
      ).toEqual(actions);
      expect(row.revision, row.name).toBe(1 + steps.length + others.length);
    }
  });

  it("tells the stories the README promises", async () => {
    const byStatus = await db.prisma.release.groupBy({ by: ["status"], _count: true });
    const count = Object.fromEntries(byStatus.map((group) => [group.status, group._count]));
    expect(count).toMatchObject({ ON_HOLD: 1, CANCELLED: 1 });
    expect(count.LIVE).toBeGreaterThanOrEqual(10);
    expect(count.PLANNED).toBeGreaterThanOrEqual(3);
    expect(count.IN_PROGRESS).toBeGreaterThanOrEqual(5);
    const rejected = await db.prisma.stageWindow.count({ where: { status: "REJECTED" } });
    expect(rejected).toBe(1);
    // A stage still open after its planned end pushes the forecast (Mobile Backend's LAST).
    const rows = await db.prisma.release.findMany({ select: releaseSelect });
    const overdue = rows
      .map((row) => toReleaseDto(row, releaseContext(settings, TODAY)))
      .filter((release) => release.overdueStage);
    expect(overdue.map((r) => [r.name, r.overdueStage, r.atRisk])).toContainEqual([
      "Mobile Backend 2.8.0",
      "LAST",
      true,
    ]);
    // After go-live: one roll-back (its fix is a patch on its way), one roll-forward whose patch
    // is not live yet, a recent go-live whose outcome is missing, and the rest kept.
    const outcomes = await db.prisma.release.groupBy({
      by: ["outcome"],
      where: { status: "LIVE" },
      _count: true,
    });
    const byOutcome = Object.fromEntries(outcomes.map((g) => [g.outcome ?? "none", g._count]));
    expect(byOutcome).toMatchObject({ ROLLED_BACK: 1, ROLLED_FORWARD: 1 });
    expect(byOutcome.KEPT).toBeGreaterThanOrEqual(8);
    const rolledBack = await db.prisma.release.findFirstOrThrow({
      where: { outcome: "ROLLED_BACK" },
      include: { patches: true },
    });
    expect(rolledBack.rolledBackTo).toBe("payments-api:3.2.0");
    expect(rolledBack.patches.some((patch) => patch.status === "IN_PROGRESS")).toBe(true);
    const missing = rows
      .map((row) => toReleaseDto(row, releaseContext(settings, TODAY)))
      .filter((release) => release.afterGoLive?.phase === "OUTCOME_DUE");
    expect(missing.map((release) => release.name)).toContain("Mobile Backend 2.7.0");
    // A staggered rollout under way (two of three waves done) and a dark launch planned.
    const rollouts = await db.prisma.release.findMany({
      where: { rolloutStrategy: { not: "BIG_BANG" } },
      include: { rolloutSteps: { orderBy: { position: "asc" } } },
    });
    const staggered = rollouts.find((r) => r.rolloutStrategy === "STAGGERED")!;
    expect(staggered.status).toBe("LIVE");
    expect(staggered.rolloutSteps.map((step) => step.doneAt !== null)).toEqual([true, true, false]);
    expect(rollouts.some((r) => r.rolloutStrategy === "DARK_LAUNCH")).toBe(true);
    // Deployments on every stage that opened; one environment runs another build.
    const mismatched = rows.filter((row) => row.deploymentFlags.includes("ARTIFACT_MISMATCH"));
    expect(mismatched.map((row) => row.name)).toEqual(["Partner Gateway 1.12.0"]);
    expect(
      mismatched[0]!.stages.find((stage) => stage.key === "PREPROD")!.lastDeployment?.flags,
    ).toEqual(["ARTIFACT_MISMATCH"]);
    const opened = await db.prisma.stageWindow.count({ where: { actualStart: { not: null } } });
    const deployed = await db.prisma.stageWindow.count({
      where: { lastDeploymentId: { not: null } },
    });
    expect(deployed).toBe(opened);
    expect(await db.prisma.deployment.count({ where: { status: "FAILED" } })).toBe(1);
    // Products with owners, and a delegation running today.
    expect(await db.prisma.product.count()).toBeGreaterThanOrEqual(8);
    expect(await db.prisma.delegation.count({ where: { endedAt: null } })).toBe(1);
  });
});
