// The demo portfolio, relative to the day of seeding. Each release is a story (who signed off which
// stage, how late, who rejected, held or cancelled it) played through the real rules: the planner
// makes the plan and the sign-off state machine (lib/domain/signoff.ts) decides every step on a
// back-dated "today". So the demo data can never disagree with what the app itself would do.
import "server-only";

import { demoUser, type DemoUserKey } from "@/lib/demo-users";
import { observationEndOf, type ReleaseOutcome } from "@/lib/domain/after-go-live";
import { type IsoDate } from "@/lib/domain/dates";
import { describeFlag } from "@/lib/domain/deployments";
import { planForward } from "@/lib/domain/planner";
import { rolloutProblem, type RolloutStrategy, STRATEGY_NAMES } from "@/lib/domain/rollout";
import type { PlanningSettings } from "@/lib/domain/settings";
import {
  type Actor,
  applyOutcome,
  type AuditAction,
  cancel,
  decide,
  type Decision,
  hold,
  newReleaseState,
  type Outcome,
  type ReleaseState,
  type StageState,
} from "@/lib/domain/signoff";
import {
  type ReleaseStatus,
  type ReleaseType,
  STAGE_KEYS,
  type StageKey,
} from "@/lib/domain/stages";
import type { WorkingDayCalendar } from "@/lib/domain/working-days";

import {
  demoDeployments,
  demoDigest,
  type DemoDeployment,
  type DemoDeploymentSpec,
} from "./demo-deployments";
import { demoProductOf } from "./demo-products";

/** A sign-off: its approvers in order ("other-rm": the release manager who did not create it). */
type Signoff = { approvers: Approver[]; lateBy?: number; comment?: string };
type Approver = DemoUserKey | "other-rm";

/** How far a demo release has come. */
type Progress =
  | { kind: "planned" }
  | {
      kind: "running";
      /** Sign-offs of the stages done, in order; a stage may have been signed off late. */
      done: Signoff[];
      /** Approvals already given in the current stage (fewer than required). */
      partial?: Approver[];
      rejectedBy?: { user: DemoUserKey; comment: string };
      hold?: string;
      cancel?: string;
    }
  | {
      kind: "live";
      done: Signoff[];
      /** What production showed after the go-live; by default kept. `null`: not recorded yet. */
      outcome?: OutcomeSpec | null;
    };

/** An outcome recorded the working day after the observation window (a roll-back: when restored). */
type OutcomeSpec = {
  kind: ReleaseOutcome;
  by: DemoUserKey;
  comment: string;
  rolledBackTo?: string;
  /** Rolled back: working days after the go-live that service was restored. */
  restoredAfter?: number;
  /** Rolled forward: the key of the fixing patch. */
  patch?: string;
};

const KEPT: OutcomeSpec = {
  kind: "KEPT",
  by: "qa",
  comment: "Error rates, latency and support tickets normal throughout the observation window.",
};

/** A rollout planned three working days before the go-live; `done` steps marked done on their day. */
type RolloutSpec = {
  strategy: RolloutStrategy;
  /** Working days after the go-live, with a share or a flag. */
  steps: { after: number; percent?: number; label?: string }[];
  flags?: string[];
  done: number;
};

type DemoReleaseSpec = {
  key: string;
  rollout?: RolloutSpec;
  deployments?: DemoDeploymentSpec;
  name: string;
  version: string;
  digest?: string;
  type: ReleaseType;
  parent?: string;
  description: string;
  creator: DemoUserKey;
  /** DEV start, in working days from the first working day on or after today. */
  startOffset: number;
  progress: Progress;
};

const QA_PAIR: Approver[] = ["qa", "qa2"];
const ALL_CLEAR: Signoff[] = [
  { approvers: ["qa"] },
  { approvers: ["qa2"] },
  { approvers: ["qa"] },
  { approvers: ["qa2"] },
  { approvers: QA_PAIR },
  { approvers: ["other-rm"] },
];

/** Payments names Quinn as the approver of TEST, LAST and INT (see demo-products.ts). */
const PAYMENTS_CLEAR: Signoff[] = [
  { approvers: ["qa"] },
  { approvers: ["qa"] },
  { approvers: ["qa"] },
  { approvers: ["qa"] },
  { approvers: QA_PAIR },
  { approvers: ["other-rm"] },
];

/** A year of delivered releases, for the delivery report: most on time, some late, one early. */
const HISTORY: DemoReleaseSpec[] = [
  {
    key: "payments-320",
    name: "Payments API 3.2.0",
    version: "payments-api:3.2.0",
    type: "RELEASE",
    description: "Split payments and the reconciliation export.",
    creator: "rm",
    startOffset: -250,
    progress: { kind: "live", done: withLate(PAYMENTS_CLEAR, "PREPROD", 2) },
  },
  {
    key: "payments-310",
    name: "Payments API 3.1.0",
    version: "payments-api:3.1.0",
    type: "RELEASE",
    description: "Apple Pay and Google Pay for the web checkout.",
    creator: "rm2",
    startOffset: -230,
    progress: { kind: "live", done: withLate(PAYMENTS_CLEAR, "TEST", 2) },
  },
  {
    key: "portal-2602",
    name: "Customer Portal 2026.02",
    version: "portal-web:2026.02.0",
    type: "RELEASE",
    description: "Meter readings online and the new contact form.",
    creator: "rm",
    startOffset: -205,
    progress: { kind: "live", done: ALL_CLEAR },
  },
  {
    key: "mobile-260",
    name: "Mobile Backend 2.6.0",
    version: "mobile-bff:2.6.0",
    type: "RELEASE",
    description: "In-app invoices and biometric login.",
    creator: "rm2",
    startOffset: -180,
    progress: { kind: "live", done: withLate(ALL_CLEAR, "LAST", 4) },
  },
  {
    key: "search-500",
    name: "Search Service 5.0.0",
    version: "search-svc:5.0.0",
    type: "RELEASE",
    description: "The new relevance model and faceted filters.",
    creator: "rm",
    startOffset: -160,
    progress: { kind: "live", done: withLate(ALL_CLEAR, "PREPROD", -1) },
  },
  {
    key: "billing-2606",
    name: "Billing Engine 2026.06",
    version: "billing-engine:2026.06.0",
    type: "RELEASE",
    description: "Mid-year tariff changes and the VAT rate switch.",
    creator: "rm2",
    startOffset: -140,
    progress: { kind: "live", done: withLate(withLate(ALL_CLEAR, "INT", 3), "PREPROD", 2) },
  },
  {
    key: "gateway-1100",
    name: "Partner Gateway 1.10.0",
    version: "partner-gateway:1.10.0",
    type: "RELEASE",
    description: "Webhooks for partners and the sandbox environment.",
    creator: "rm",
    startOffset: -115,
    progress: { kind: "live", done: ALL_CLEAR },
  },
  {
    key: "reporting-2606",
    name: "Reporting 2026.06",
    version: "reporting:2026.06.0",
    type: "RELEASE",
    description: "Half-year reports for controlling.",
    creator: "rm2",
    startOffset: -100,
    progress: { kind: "live", done: withLate(ALL_CLEAR, "TEST", 1) },
  },
  {
    key: "identity-700",
    name: "Identity Provider 7.0.0",
    version: "idp:7.0.0",
    type: "RELEASE",
    description: "Single sign-on for partner staff.",
    creator: "rm",
    startOffset: -90,
    progress: { kind: "live", done: ALL_CLEAR },
  },
  {
    key: "mobile-270",
    name: "Mobile Backend 2.7.0",
    version: "mobile-bff:2.7.0",
    type: "RELEASE",
    description: "Account deletion in the app and the new onboarding.",
    creator: "rm2",
    startOffset: -75,
    progress: { kind: "live", done: withLate(ALL_CLEAR, "DEV", 1), outcome: null },
  },
];

/** The sign-offs of a clean run, with one stage signed off `days` working days late (early if negative). */
function withLate(signoffs: Signoff[], key: StageKey, days: number): Signoff[] {
  const index = STAGE_KEYS.indexOf(key);
  return signoffs.map((signoff, i) => (i === index ? { ...signoff, lateBy: days } : signoff));
}

const SPECS: DemoReleaseSpec[] = [
  ...HISTORY,
  {
    key: "portal-2611",
    name: "Customer Portal 2026.11",
    version: "portal-web:2026.11.0",
    digest: "sha256:4f9a1c2e7b3d8e6f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6071",
    type: "RELEASE",
    description: "Self-service address changes and the new invoice archive.",
    creator: "rm",
    startOffset: -35,
    // Staggered: staff and 10 % first, half a week later, everyone next week; two waves done.
    rollout: {
      strategy: "STAGGERED",
      steps: [
        { after: 0, percent: 10, label: "Staff and beta customers" },
        { after: 2, percent: 50 },
        { after: 8, percent: 100 },
      ],
      done: 2,
    },
    progress: {
      kind: "live",
      done: ALL_CLEAR,
      outcome: {
        kind: "ROLLED_FORWARD",
        by: "qa",
        patch: "portal-2611-1",
        comment:
          "Archived invoices do not download in Safari. Kept live for everyone else; 2026.11.1 fixes it forward.",
      },
    },
  },
  {
    key: "portal-2611-1",
    name: "Customer Portal 2026.11.1",
    version: "portal-web:2026.11.1",
    type: "PATCH",
    parent: "portal-2611",
    description: "Fixes the PDF download of archived invoices in Safari.",
    creator: "rm2",
    startOffset: -4,
    progress: { kind: "running", done: [{ approvers: ["qa"] }] },
  },
  {
    key: "payments-330",
    name: "Payments API 3.3.0",
    version: "payments-api:3.3.0",
    digest: "sha256:9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c",
    type: "RELEASE",
    description: "SEPA instant payments and the new refund workflow.",
    creator: "rm2",
    startOffset: -62,
    progress: {
      kind: "live",
      done: [...PAYMENTS_CLEAR.slice(0, 5), { approvers: ["rm"] }],
      outcome: {
        kind: "ROLLED_BACK",
        by: "rm",
        rolledBackTo: "payments-api:3.2.0",
        restoredAfter: 1,
        comment:
          "Refunds in foreign currencies were rounded to whole units. Rolled back to 3.2.0 the next morning; the fix ships in 3.3.2.",
      },
    },
  },
  {
    key: "payments-331",
    name: "Payments API 3.3.1",
    version: "payments-api:3.3.1",
    type: "PATCH",
    parent: "payments-330",
    description: "Rounding of refunds in foreign currencies.",
    creator: "rm",
    startOffset: -20,
    progress: {
      kind: "running",
      done: [{ approvers: ["qa"] }],
      cancel: "Superseded by 3.3.2, which also fixes the settlement report.",
    },
  },
  {
    key: "payments-332",
    name: "Payments API 3.3.2",
    version: "payments-api:3.3.2",
    type: "PATCH",
    parent: "payments-330",
    description: "Refund rounding and the daily settlement report totals.",
    creator: "rm",
    startOffset: -27,
    progress: { kind: "running", done: PAYMENTS_CLEAR.slice(0, 5) },
  },
  {
    key: "payments-340",
    name: "Payments API 3.4.0",
    version: "payments-api:3.4.0",
    type: "RELEASE",
    description: "Recurring card payments and 3-D Secure 2.2.",
    creator: "rm",
    rollout: {
      strategy: "DARK_LAUNCH",
      flags: ["recurring-payments", "3ds-2-2"],
      steps: [
        { after: 1, label: "3ds-2-2" },
        { after: 4, label: "recurring-payments" },
      ],
      done: 0,
    },
    // In TEST, which only Quinn may sign for Payments; Quinn is on leave and Kim stands in.
    startOffset: -4,
    progress: { kind: "running", done: [{ approvers: ["qa"] }] },
  },
  {
    key: "mobile-280",
    name: "Mobile Backend 2.8.0",
    version: "mobile-bff:2.8.0",
    type: "RELEASE",
    description: "Push notification preferences and the offline sync protocol v3.",
    creator: "rm2",
    // LAST should have closed two working days ago and is still open: the forecast moves daily.
    startOffset: -16,
    progress: { kind: "running", done: [{ approvers: ["rm"] }, { approvers: ["qa"] }] },
  },
  {
    key: "gateway-1120",
    // Another build of the same tag reached PREPROD: the page and the timeline say so loudly.
    deployments: { mismatchIn: "PREPROD" },
    name: "Partner Gateway 1.12.0",
    version: "partner-gateway:1.12.0",
    type: "RELEASE",
    description: "OAuth client credentials for partners and rate limiting per contract.",
    creator: "rm",
    startOffset: -22,
    progress: { kind: "running", done: ALL_CLEAR.slice(0, 4), partial: ["qa"] },
  },
  {
    key: "search-520",
    name: "Search Service 5.2.0",
    version: "search-svc:5.2.0",
    type: "RELEASE",
    description: "Synonym dictionaries and typo tolerance for product search.",
    creator: "rm2",
    startOffset: -17,
    progress: {
      kind: "running",
      done: ALL_CLEAR.slice(0, 3),
      rejectedBy: {
        user: "qa2",
        comment:
          "Order service integration returns HTTP 502 for 4% of queries with umlauts. Ticket SRCH-1422.",
      },
    },
  },
  {
    key: "billing-2612",
    deployments: { retryIn: "TEST" },
    name: "Billing Engine 2026.12",
    version: "billing-engine:2026.12.0",
    type: "RELEASE",
    description: "Usage-based tariffs and the year-end invoice run.",
    creator: "rm",
    startOffset: -16,
    progress: {
      kind: "running",
      done: [
        { approvers: ["qa"] },
        {
          approvers: ["qa2"],
          lateBy: 3,
          comment: "Regression suite re-run after the tariff data fix.",
        },
      ],
    },
  },
  {
    key: "reporting-2612",
    name: "Reporting 2026.12",
    version: "reporting:2026.12.0",
    type: "RELEASE",
    description: "Quarterly KPI dashboards and CSV exports for controlling.",
    creator: "rm2",
    startOffset: -6,
    progress: {
      kind: "running",
      done: [{ approvers: ["qa"] }],
      hold: "Waiting for the vendor's hotfix of the PDF rendering library (CVE under review).",
    },
  },
  {
    key: "warehouse-400",
    name: "Data Warehouse Sync 4.0.0",
    version: "dwh-sync:4.0.0",
    type: "RELEASE",
    description: "Change-data-capture feed replacing the nightly batch export.",
    creator: "rm",
    startOffset: 5,
    progress: { kind: "planned" },
  },
  {
    key: "identity-710",
    name: "Identity Provider 7.1.0",
    version: "idp:7.1.0",
    type: "RELEASE",
    description: "Passkeys for customers and step-up authentication for payments.",
    creator: "rm2",
    startOffset: 14,
    progress: { kind: "planned" },
  },
  {
    key: "portal-2702",
    name: "Customer Portal 2027.02",
    version: "portal-web:2027.02.0",
    type: "RELEASE",
    description: "Contract changes online and the redesigned dashboard.",
    creator: "rm",
    startOffset: 30,
    progress: { kind: "planned" },
  },
];

export type DemoApproval = {
  stage: StageKey;
  user: DemoUserKey;
  /** The absent person a deputy decided for. */
  onBehalfOf: DemoUserKey | null;
  decision: Decision;
  comment: string | null;
  round: number;
  at: Date;
};

export type DemoAuditEvent = {
  action: AuditAction;
  actor: DemoUserKey;
  stage?: StageKey;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  comment?: string | null;
  at: Date;
};

export type DemoRelease = {
  key: string;
  /** The product's key (demo-products.ts). */
  product: string;
  name: string;
  version: string;
  digest: string | null;
  type: ReleaseType;
  parentKey: string | null;
  description: string;
  region: string;
  status: ReleaseStatus;
  statusReason: string | null;
  creator: DemoUserKey;
  baselineGoLive: IsoDate;
  /** The go-live of the first plan. */
  originalGoLive: IsoDate;
  createdAt: Date;
  /** One more than the changes made since creation, as the app counts them. */
  revision: number;
  stages: StageState[];
  approvals: DemoApproval[];
  audit: DemoAuditEvent[];
  /** As the pipelines reported them, oldest first. */
  deployments: DemoDeployment[];
  rollout: {
    strategy: RolloutStrategy;
    /** The go-live the steps were planned against. */
    goLive: IsoDate;
    flags: string[];
    steps: {
      date: IsoDate;
      percent: number | null;
      label: string | null;
      doneAt: Date | null;
      doneBy: DemoUserKey | null;
    }[];
  } | null;
  outcome: {
    kind: ReleaseOutcome;
    comment: string;
    rolledBackTo: string | null;
    restoredOn: IsoDate | null;
    patchKey: string | null;
    by: DemoUserKey;
    at: Date;
  } | null;
};

/** A moment on a calendar day, in office hours (Europe/Berlin is UTC+1/+2; 09:00 UTC is mid-morning). */
function at(date: IsoDate, minutes = 0): Date {
  return new Date(Date.parse(`${date}T09:00:00Z`) + minutes * 60_000);
}

/** The calendars the demo plans with: releases already under way were planned before the freeze
 * windows were set up (their go-live may fall into one); new plans respect the freezes. */
export type DemoCalendars = { underWay: WorkingDayCalendar; newPlans: WorkingDayCalendar };

type Settings = Pick<PlanningSettings, "durations" | "stageRules" | "observationWorkingDays">;

export function buildDemoReleases(
  today: IsoDate,
  calendars: DemoCalendars,
  settings: Settings,
  /** The moment of seeding: nothing is reported later than this. */
  now: Date = new Date(),
): DemoRelease[] {
  const { underWay } = calendars;
  const anchor = underWay.isWorkingDay(today) ? today : underWay.nextWorkingDay(today);
  return SPECS.map((spec) =>
    playRelease(
      spec,
      underWay.shiftWorkingDays(anchor, spec.startOffset),
      spec.progress.kind === "planned" ? calendars.newPlans : underWay,
      settings,
      today,
      now,
    ),
  );
}

/** The product's named approvers on each stage (the demo users' keys are their ids in the story). */
export function withApprovers(
  state: ReleaseState,
  approvers: Partial<Record<StageKey, readonly string[]>>,
): ReleaseState {
  return {
    ...state,
    stages: state.stages.map((stage) => ({ ...stage, approverIds: approvers[stage.key] ?? [] })),
  };
}

/** The demo users act under their own key as id, with their role. */
function actorOf(key: DemoUserKey): Actor {
  return { id: key, role: demoUser(key).role };
}

/** Plays one release's story through the planner and the sign-off rules. */
function playRelease(
  spec: DemoReleaseSpec,
  start: IsoDate,
  calendar: WorkingDayCalendar,
  settings: Settings,
  today: IsoDate,
  now: Date,
): DemoRelease {
  const plan = planForward(start, settings.durations, calendar);
  const createdAt = at(calendar.shiftWorkingDays(start, -8), -30);
  const product = demoProductOf(spec.version);
  const release: DemoRelease = {
    key: spec.key,
    product: product.key,
    name: spec.name,
    version: spec.version,
    digest: spec.digest ?? null,
    type: spec.type,
    parentKey: spec.parent ?? null,
    description: spec.description,
    region: plan.region,
    status: "PLANNED",
    statusReason: null,
    creator: spec.creator,
    baselineGoLive: plan.goLive,
    originalGoLive: plan.goLive,
    createdAt,
    revision: 1,
    stages: [],
    approvals: [],
    rollout: null,
    outcome: null,
    deployments: [],
    audit: [
      {
        action: "RELEASE_CREATED",
        actor: spec.creator,
        after: {
          name: spec.name,
          version: spec.version,
          type: spec.type,
          region: plan.region,
          start: plan.start,
          goLive: plan.goLive,
          plannedFrom: "start",
        },
        at: createdAt,
      },
    ],
  };
  let state: ReleaseState = withApprovers(
    newReleaseState(spec.creator, plan.stages, settings.stageRules),
    product.approvers ?? {},
  );

  /** Applies what the rules decided, as the app would: one change, one revision, its audit events. */
  function record(actor: DemoUserKey, outcome: Outcome, moment: Date): void {
    state = applyOutcome(state, outcome, actor);
    release.revision += 1;
    if (outcome.statusReason !== undefined) release.statusReason = outcome.statusReason;
    if (outcome.approval) {
      release.approvals.push({
        stage: outcome.approval.stageKey,
        user: actor,
        onBehalfOf: (outcome.approval.onBehalfOfId as DemoUserKey | null) ?? null,
        decision: outcome.approval.decision,
        comment: outcome.approval.comment,
        round: outcome.approval.round,
        at: moment,
      });
    }
    outcome.events.forEach((event, index) =>
      release.audit.push({
        action: event.action,
        actor,
        stage: event.stageKey,
        before: event.before,
        after: event.after,
        comment: event.comment,
        at: new Date(moment.getTime() + index * 1000), // keeps the rules' order of events
      }),
    );
  }

  function approve(
    key: StageKey,
    approver: Approver,
    day: IsoDate,
    minutes: number,
    comment?: string,
  ) {
    const user = approver === "other-rm" ? (spec.creator === "rm" ? "rm2" : "rm") : approver;
    const outcome = decide({
      release: state,
      key,
      actor: actorOf(user),
      decision: "APPROVE",
      comment: comment ?? null,
      rule: settings.stageRules[key],
      today: day,
      calendar,
    });
    record(user, outcome, at(day, minutes));
  }

  const { progress } = spec;
  if (progress.kind !== "planned") {
    progress.done.forEach((signoff, index) => {
      const key = STAGE_KEYS[index]!;
      // Signed off on the stage's last planned day as it stands then, or `lateBy` working days off.
      const plannedEnd = state.stages[index]!.plannedEnd;
      const day = calendar.shiftWorkingDays(plannedEnd, signoff.lateBy ?? 0);
      signoff.approvers.forEach((approver, n) => {
        const isLast = n === signoff.approvers.length - 1;
        approve(key, approver, day, 60 * n, isLast ? signoff.comment : undefined);
      });
    });
  }
  if (progress.kind === "running") {
    const index = progress.done.length;
    const key = STAGE_KEYS[index]!;
    const current = state.stages[index]!;
    const day = current.actualStart ?? current.plannedStart;
    progress.partial?.forEach((approver, n) => approve(key, approver, day, 90 + 60 * n));
    if (progress.rejectedBy) {
      const { user, comment } = progress.rejectedBy;
      const rejectedOn = calendar.shiftWorkingDays(day, 1);
      const outcome = decide({
        release: state,
        key,
        actor: actorOf(user),
        decision: "REJECT",
        comment,
        rule: settings.stageRules[key],
        today: rejectedOn,
        calendar,
      });
      record(user, outcome, at(rejectedOn, 120));
    }
    if (progress.hold)
      record(spec.creator, hold(state, actorOf(spec.creator), progress.hold), at(day, 240));
    if (progress.cancel)
      record(spec.creator, cancel(state, actorOf(spec.creator), progress.cancel), at(day, 240));
  }
  reportDeployments(release, state, spec.deployments ?? {}, now);
  if (spec.rollout) planRollout(release, state, spec.rollout, spec.creator, calendar, today);
  if (progress.kind === "live" && progress.outcome !== null) {
    recordOutcome(release, state, progress.outcome ?? KEPT, calendar, settings, today);
  }
  return { ...release, status: state.status, stages: state.stages };
}

/** The builds the pipelines deployed as the stages opened, with their audit events. */
function reportDeployments(
  release: DemoRelease,
  state: ReleaseState,
  spec: DemoDeploymentSpec,
  now: Date,
) {
  if (!state.stages[0]!.actualStart) return;
  // Entered with the release (so no deployment teaches it): the build the pipelines promote.
  const digest = release.digest ?? demoDigest(release.version);
  release.digest = digest;
  release.deployments = demoDeployments({ ...release, digest }, state, spec, at, now);
  for (const deployment of release.deployments) {
    release.audit.push({
      action: "DEPLOYMENT_RECORDED",
      actor: deployment.by,
      stage: deployment.environment,
      comment:
        deployment.flags
          .map((flag) => describeFlag(flag, { version: release.version, digest }, deployment))
          .join(" ") || null,
      after: {
        deploymentId: deployment.id,
        status: deployment.status,
        version: deployment.version,
        digest: deployment.digest,
        source: deployment.source,
        url: deployment.url,
        flags: deployment.flags,
      },
      at: deployment.at,
    });
  }
}

/**
 * The rollout as its release manager planned it three working days before the go-live, checked by
 * the rollout rules; steps done on their days once live.
 */
function planRollout(
  release: DemoRelease,
  state: ReleaseState,
  spec: RolloutSpec,
  creator: DemoUserKey,
  calendar: WorkingDayCalendar,
  today: IsoDate,
): void {
  const prod = state.stages.at(-1)!;
  const goLive = prod.actualEnd ?? prod.plannedStart;
  const steps = spec.steps.map((step) => ({
    date: calendar.shiftWorkingDays(goLive, step.after),
    percent: step.percent ?? null,
    label: step.label ?? null,
  }));
  const problem = rolloutProblem(
    { strategy: spec.strategy, steps, flags: spec.flags },
    goLive,
    calendar,
  );
  if (problem) throw new Error(`Demo rollout of ${release.name}: ${problem.message}`);
  const threeBefore = calendar.shiftWorkingDays(goLive, -3);
  const yesterday = calendar.shiftWorkingDays(today, -1);
  const plannedAt = at(threeBefore < yesterday ? threeBefore : yesterday, 200);
  const isLive = state.status === "LIVE";
  release.rollout = {
    strategy: spec.strategy,
    goLive,
    flags: spec.flags ?? [],
    steps: steps.map((step, index) => {
      const isDone = isLive && index < spec.done && step.date <= today;
      return {
        ...step,
        doneAt: isDone ? at(step.date, 120) : null,
        doneBy: isDone ? creator : null,
      };
    }),
  };
  release.revision += 1;
  release.audit.push({
    action: "ROLLOUT_PLANNED",
    actor: creator,
    stage: "PROD",
    comment: `${STRATEGY_NAMES[spec.strategy]} planned.`,
    before: { strategy: "BIG_BANG", steps: [] },
    after: { strategy: spec.strategy, steps: steps.map((step) => step.date) },
    at: plannedAt,
  });
  release.rollout.steps.forEach((step, index) => {
    if (!step.doneAt) return;
    release.revision += 1;
    release.audit.push({
      action: "ROLLOUT_STEP_DONE",
      actor: creator,
      stage: "PROD",
      comment: index === steps.length - 1 ? "The release is fully rolled out." : null,
      after: { step: index + 1, ...(step.percent && { percent: step.percent }) },
      at: step.doneAt,
    });
  });
}

/** The outcome of a live release, recorded once its observation window is over (if it is by today). */
function recordOutcome(
  release: DemoRelease,
  state: ReleaseState,
  spec: OutcomeSpec,
  calendar: WorkingDayCalendar,
  settings: Settings,
  today: IsoDate,
): void {
  const liveOn = state.stages.at(-1)!.actualEnd!;
  const restoredOn =
    spec.kind === "ROLLED_BACK" ? calendar.shiftWorkingDays(liveOn, spec.restoredAfter ?? 1) : null;
  const recordedOn =
    restoredOn ??
    calendar.shiftWorkingDays(
      observationEndOf(liveOn, settings.observationWorkingDays, calendar),
      1,
    );
  if (recordedOn > today) return;
  const moment = at(recordedOn, 30);
  release.outcome = {
    kind: spec.kind,
    comment: spec.comment,
    rolledBackTo: spec.rolledBackTo ?? null,
    restoredOn,
    patchKey: spec.patch ?? null,
    by: spec.by,
    at: moment,
  };
  release.revision += 1;
  release.audit.push({
    action: "RELEASE_OUTCOME",
    actor: spec.by,
    comment: spec.comment,
    after: {
      outcome: spec.kind,
      ...(spec.rolledBackTo && { rolledBackTo: spec.rolledBackTo, restoredOn }),
      ...(spec.patch && { patch: SPECS.find((other) => other.key === spec.patch)!.name }),
    },
    at: moment,
  });
}
