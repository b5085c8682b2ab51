// Fills an empty database with the demo users and portfolio, in one transaction.
import "server-only";

import type { PrismaClient } from "@/generated/prisma/client";
import { DEMO_USERS, type DemoUserKey } from "@/lib/demo-users";
import { addDays } from "@/lib/domain/dates";
import { type IsoDate, isoToDate } from "@/lib/domain/dates";
import { DEPLOYMENT_FLAGS } from "@/lib/domain/deployments";
import type { StageKey } from "@/lib/domain/stages";
import type { Env } from "@/lib/env";
import { calendarFor } from "@/lib/server/calendars";
import type { DbTransaction } from "@/lib/server/db/client";
import { toJsonInput } from "@/lib/server/db/json";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { companyToday } from "@/lib/server/today";
import { issuePasswordLink } from "@/lib/server/users/password-links";
import { hashPassword } from "@/lib/server/users/passwords";

import { buildDemoReleases, type DemoRelease } from "./build-demo-releases";
import { DEMO_PRODUCTS } from "./demo-products";

export type SeedResult = {
  users: number;
  releases: number;
  /** With `passwords: "links"`: the one-time links with which the demo users set a password. */
  passwordLinks?: { email: string; url: string }[];
};

/**
 * How the demo users get in: the public demo passwords of the README (the embedded demo, tests),
 * or no password and a one-time link each (`links`: a real PostgreSQL, where a password anybody
 * can read in the README would open it to anybody).
 */
export type DemoPasswords = { kind: "public" } | { kind: "links"; origin: string };

/**
 * The embedded demo uses the README's passwords; a real PostgreSQL gets one-time links, unless
 * SEED_DEMO=public-passwords says it is a throwaway test database.
 */
export function demoPasswordsFor(env: Env): DemoPasswords {
  if (!env.DATABASE_URL || env.SEED_DEMO === "public-passwords") return { kind: "public" };
  return { kind: "links", origin: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}` };
}

/** Prints the demo users' one-time links (the only time they are shown). */
export function printPasswordLinks(links: SeedResult["passwordLinks"]): void {
  if (!links?.length) return;
  console.log(
    "\nThe demo users have no password on this database (the README's are public). Each sets one",
  );
  console.log("with their one-time link (valid 7 days, shown only now):");
  for (const link of links) console.log(`  ${link.email.padEnd(20)} ${link.url}`);
  console.log("");
}

export async function isDatabaseEmpty(db: PrismaClient): Promise<boolean> {
  return (await db.user.count()) === 0;
}

/** The company calendar of the demo: a year-end change freeze and the office closure between the years. */
const DEMO_PERIODS = [
  {
    kind: "FREEZE",
    name: "Year-end change freeze",
    start: "2026-12-18",
    end: "2027-01-08",
    recurrence: "YEARLY",
  },
  {
    kind: "NON_WORKING",
    name: "Office closed between the years",
    start: "2026-12-24",
    end: "2026-12-31",
    recurrence: "YEARLY",
  },
] as const;

/** Seeds demo users, company periods and releases; `today` defaults to today in the company time zone. */
export async function seedDemoData(
  db: PrismaClient,
  options: { today?: IsoDate; passwords?: DemoPasswords } = {},
): Promise<SeedResult> {
  const passwords = options.passwords ?? { kind: "public" };
  const passwordHashes =
    passwords.kind === "public"
      ? await Promise.all(DEMO_USERS.map((user) => hashPassword(user.password)))
      : DEMO_USERS.map(() => null);
  const passwordLinks: { email: string; url: string }[] = [];
  let releaseCount = 0;

  await db.$transaction(
    async (tx) => {
      await tx.calendarPeriod.createMany({
        data: DEMO_PERIODS.map((period) => ({
          kind: period.kind,
          name: period.name,
          startDate: isoToDate(period.start),
          endDate: isoToDate(period.end),
          recurrence: period.recurrence,
        })),
      });
      const settings = await getPlanningSettings(tx);
      const today = options.today ?? companyToday(settings.companyTimeZone);
      const region = settings.defaultRegion;
      const calendars = {
        underWay: calendarFor(
          region,
          settings.periods.filter((period) => period.kind !== "FREEZE"),
        ),
        newPlans: calendarFor(region, settings.periods),
      };
      // Seeding "as of" another day happens at that day's end (tests); otherwise now.
      const now = options.today ? new Date(`${today}T23:00:00Z`) : new Date();
      const releases = buildDemoReleases(today, calendars, settings, now);
      releaseCount = releases.length;

      const userIds = new Map<DemoUserKey, string>();
      for (const [index, user] of DEMO_USERS.entries()) {
        const created = await tx.user.create({
          data: {
            email: user.email,
            name: user.name,
            role: user.role,
            passwordHash: passwordHashes[index] ?? null,
          },
        });
        userIds.set(user.key, created.id);
      }
      if (passwords.kind === "links") {
        for (const user of DEMO_USERS) {
          const userId = userIds.get(user.key)!;
          const url = await issuePasswordLink(tx, {
            userId,
            purpose: "INVITE",
            createdById: userId,
            origin: passwords.origin,
          });
          passwordLinks.push({ email: user.email, url });
        }
      }
      const userId = (key: DemoUserKey) => userIds.get(key)!;
      const productIds = await seedProducts(tx, userId);
      await seedDelegations(tx, userId, today);

      const releaseIds = new Map<string, string>();
      // Parents first: patches point at them.
      const ordered = [...releases].sort(
        (a, b) => Number(a.parentKey !== null) - Number(b.parentKey !== null),
      );
      for (const release of ordered) {
        const created = await tx.release.create({
          data: {
            name: release.name,
            version: release.version,
            digest: release.digest,
            description: release.description,
            type: release.type,
            region: release.region,
            status: release.status,
            statusReason: release.statusReason,
            baselineGoLive: isoToDate(release.baselineGoLive),
            originalGoLive: isoToDate(release.originalGoLive),
            productId: productIds.get(release.product)!,
            parentId: release.parentKey ? releaseIds.get(release.parentKey)! : null,
            createdById: userId(release.creator),
            createdAt: release.createdAt,
            revision: release.revision,
            stages: {
              create: release.stages.map((stage) => ({
                key: stage.key,
                status: stage.status,
                plannedStart: isoToDate(stage.plannedStart),
                plannedEnd: isoToDate(stage.plannedEnd),
                actualStart: stage.actualStart ? isoToDate(stage.actualStart) : null,
                actualEnd: stage.actualEnd ? isoToDate(stage.actualEnd) : null,
                workingDays: stage.workingDays,
                approvalsRequired: stage.approvalsRequired,
                approvalRound: stage.approvalRound,
              })),
            },
          },
          include: { stages: { select: { id: true, key: true } } },
        });
        releaseIds.set(release.key, created.id);
        const stageIds = new Map(created.stages.map((stage) => [stage.key, stage.id]));

        await tx.approval.createMany({
          data: release.approvals.map((approval) => ({
            stageWindowId: stageIds.get(approval.stage)!,
            userId: userId(approval.user),
            onBehalfOfId: approval.onBehalfOf ? userId(approval.onBehalfOf) : null,
            decision: approval.decision,
            comment: approval.comment,
            round: approval.round,
            createdAt: approval.at,
          })),
        });
        await seedDeployments(tx, release, created.id, stageIds, userId);
        // Audit rows are inserted in time order so that their ids follow the story.
        const events = [...release.audit].sort((a, b) => a.at.getTime() - b.at.getTime());
        await tx.auditEvent.createMany({
          data: events.map((event) => ({
            action: event.action,
            actorId: userId(event.actor),
            releaseId: created.id,
            stageKey: event.stage ?? null,
            before: toJsonInput(event.before),
            after: toJsonInput(event.after),
            comment: event.comment ?? null,
            createdAt: event.at,
          })),
        });
      }
      // Rollouts, and outcomes after go-live once every release (the fixing patches too) exists.
      for (const release of releases) {
        const rollout = release.rollout;
        if (!rollout) continue;
        await tx.release.update({
          where: { id: releaseIds.get(release.key)! },
          data: {
            rolloutStrategy: rollout.strategy,
            rolloutGoLive: isoToDate(rollout.goLive),
            rolloutFlags: rollout.flags,
            rolloutSteps: {
              create: rollout.steps.map((step, index) => ({
                position: index + 1,
                date: isoToDate(step.date),
                percent: step.percent,
                label: step.label,
                doneAt: step.doneAt,
                doneById: step.doneBy ? userId(step.doneBy) : null,
              })),
            },
          },
        });
      }
      for (const release of releases) {
        const outcome = release.outcome;
        if (!outcome) continue;
        await tx.release.update({
          where: { id: releaseIds.get(release.key)! },
          data: {
            outcome: outcome.kind,
            outcomeComment: outcome.comment,
            rolledBackTo: outcome.rolledBackTo,
            restoredOn: outcome.restoredOn ? isoToDate(outcome.restoredOn) : null,
            outcomePatchId: outcome.patchKey ? releaseIds.get(outcome.patchKey)! : null,
            outcomeRecordedAt: outcome.at,
            outcomeRecordedById: userId(outcome.by),
          },
        });
      }
    },
    { timeout: 60_000 },
  );
  return {
    users: DEMO_USERS.length,
    releases: releaseCount,
    ...(passwords.kind === "links" && { passwordLinks }),
  };
}

/** The demo products with their owners and named approvers; returns their ids by key. */
async function seedProducts(
  tx: DbTransaction,
  userId: (key: DemoUserKey) => string,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const product of DEMO_PRODUCTS) {
    const created = await tx.product.create({
      data: {
        key: product.key,
        name: product.name,
        description: product.description,
        owners: { create: product.owners.map((owner) => ({ userId: userId(owner) })) },
        approvers: {
          create: Object.entries(product.approvers ?? {}).flatMap(([stageKey, people]) =>
            people.map((person) => ({
              stageKey: stageKey as keyof typeof product.approvers,
              userId: userId(person),
            })),
          ),
        },
      },
    });
    ids.set(product.key, created.id);
  }
  return ids;
}

/** A release's deployments, each environment's latest on its stage, their flags on the release. */
async function seedDeployments(
  tx: DbTransaction,
  release: DemoRelease,
  releaseId: string,
  stageIds: Map<StageKey, string>,
  userId: (key: DemoUserKey) => string,
): Promise<void> {
  if (release.deployments.length === 0) return;
  await tx.deployment.createMany({
    data: release.deployments.map((deployment) => ({
      id: deployment.id,
      releaseId,
      environment: deployment.environment,
      status: deployment.status,
      version: deployment.version,
      digest: deployment.digest,
      at: deployment.at,
      source: deployment.source,
      url: deployment.url,
      flags: deployment.flags,
      reportedById: userId(deployment.by),
      createdAt: deployment.at,
    })),
  });
  const latest = new Map(release.deployments.map((d) => [d.environment, d])); // oldest first
  for (const [environment, deployment] of latest) {
    await tx.stageWindow.update({
      where: { id: stageIds.get(environment)! },
      data: { lastDeploymentId: deployment.id },
    });
  }
  const flags = [...latest.values()].flatMap((deployment) => deployment.flags);
  await tx.release.update({
    where: { id: releaseId },
    data: { deploymentFlags: DEPLOYMENT_FLAGS.filter((flag) => flags.includes(flag)) },
  });
}

/** Quinn (QA) is on leave this week and last; Kim stands in. */
async function seedDelegations(
  tx: DbTransaction,
  userId: (key: DemoUserKey) => string,
  today: IsoDate,
): Promise<void> {
  await tx.delegation.create({
    data: {
      delegatorId: userId("qa"),
      deputyId: userId("qa2"),
      startDate: isoToDate(addDays(today, -3)),
      endDate: isoToDate(addDays(today, 8)),
      createdAt: at(addDays(today, -10)),
    },
  });
}

function at(date: IsoDate): Date {
  return new Date(`${date}T09:00:00Z`);
}
