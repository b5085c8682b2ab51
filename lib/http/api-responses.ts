// The shapes of the API's answers as zod schemas, for the OpenAPI description. Each is checked
// against its TypeScript type at compile time (a missing field does not compile) and is strict at
// run time (the contract test fails on a field the description does not know).
import { z } from "zod";

import { RELEASE_OUTCOMES } from "@/lib/domain/after-go-live";
import type { EnvironmentConflict } from "@/lib/domain/conflicts";
import type { DayInfo } from "@/lib/domain/day-info";
import { WINDOW_KINDS } from "@/lib/domain/deployment-windows";
import { DEPLOYMENT_FLAGS, DEPLOYMENT_STATUSES } from "@/lib/domain/deployments";
import { GATE_REASON_CODES } from "@/lib/domain/gate";
import type { Region } from "@/lib/domain/holidays";
import { EMAIL_KINDS, type EmailKind } from "@/lib/domain/notifications";
import { TOKEN_SCOPES } from "@/lib/domain/people";
import type { Plan } from "@/lib/domain/planner";
import { PROMOTION_VALUES } from "@/lib/domain/promotion";
import { RELEASE_COMMANDS } from "@/lib/domain/release-commands";
import { ROLLOUT_STRATEGIES } from "@/lib/domain/rollout";
import type { SignalMatching } from "@/lib/domain/signals";
import {
  RELEASE_STATUSES,
  RELEASE_TYPES,
  ROLES,
  STAGE_KEYS,
  STAGE_STATUSES,
  type StageKey,
} from "@/lib/domain/stages";
import type { DelegationDto } from "@/lib/types/delegation";
import type { DeploymentDto, DeploymentSummary } from "@/lib/types/deployment";
import type { GitopsTargetDto, GitopsTestResult, PromotionDto } from "@/lib/types/gitops";
import type { PublishedNotesDto, ReleaseNotesDto, WatchesDto } from "@/lib/types/notes";
import type {
  DeliveryDto,
  NotificationPreferencesDto,
  WebhookDto,
} from "@/lib/types/notifications";
import type { Readiness } from "@/lib/types/operations";
import type { PlanSearchResult } from "@/lib/types/planning";
import type { ProductDto, TrainDto, TrainPreviewItem } from "@/lib/types/product";
import type {
  AuditEventDto,
  LoadedRelease,
  ReleaseDto,
  ReplanPreview,
  WhatWaits,
} from "@/lib/types/release";
import type { SignalDto } from "@/lib/types/signals";
import type {
  ApiTokenAdminDto,
  ApiTokenDto,
  SessionInfo,
  UserDto,
  UserSummary,
} from "@/lib/types/user";
import type {
  ExceptionDto,
  GateAnswer,
  GateCheckDto,
  OccurrenceDto,
  WindowDto,
  WindowList,
} from "@/lib/types/windows";

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .meta({ format: "date" });
const instant = z.string().meta({ format: "date-time" });
const person = z.strictObject({ id: z.string(), name: z.string(), email: z.string() });
const stageKey = z.enum(STAGE_KEYS);

/** How a release names another (a patch, a fix). */
const releaseRef = {
  id: z.string(),
  name: z.string(),
  version: z.string(),
  status: z.enum(RELEASE_STATUSES),
};

const deploymentSummary = z.strictObject({
  id: z.string(),
  status: z.enum(DEPLOYMENT_STATUSES),
  version: z.string(),
  digest: z.string().nullable(),
  at: instant,
  source: z.string().nullable(),
  url: z.string().nullable(),
  flags: z.array(z.enum(DEPLOYMENT_FLAGS)),
}) satisfies z.ZodType<DeploymentSummary>;

export const deploymentResponse = deploymentSummary
  .extend({
    releaseId: z.string(),
    environment: stageKey,
    deliveryId: z.string().nullable(),
    reportedBy: person,
    createdAt: instant,
  })
  .meta({ id: "Deployment" }) satisfies z.ZodType<DeploymentDto>;

/** Signals of a release's observation: counts by severity, and those still firing. */
const signalCounts = z.strictObject({
  critical: z.number().int(),
  warning: z.number().int(),
  firing: z.number().int(),
});

const approval = z.strictObject({
  id: z.string(),
  user: person.extend({ role: z.enum(ROLES) }),
  onBehalfOf: person.nullable(),
  decision: z.enum(["APPROVE", "REJECT"]),
  comment: z.string().nullable(),
  at: instant,
  round: z.number().int(),
});

const stage = z.strictObject({
  key: stageKey,
  name: z.string(),
  status: z.enum(STAGE_STATUSES),
  plannedStart: date,
  plannedEnd: date,
  actualStart: date.nullable(),
  actualEnd: date.nullable(),
  forecastStart: date,
  forecastEnd: date,
  workingDays: z.number().int(),
  approvalsRequired: z.number().int(),
  approvalRound: z.number().int(),
  approvalsMissing: z.number().int(),
  allowedRoles: z.array(z.enum(ROLES)),
  approvers: z.array(person.extend({ isActive: z.boolean() })),
  approverIds: z.array(z.string()),
  lastDeployment: deploymentSummary.nullable(),
  approvals: z.array(approval),
});

const rolloutStep = z.strictObject({
  position: z.number().int(),
  date,
  percent: z.number().int().nullable(),
  label: z.string().nullable(),
  doneAt: instant.nullable(),
  doneOn: date.nullable(),
  doneBy: person.nullable(),
});

const afterGoLive = z.strictObject({
  phase: z.enum(["OBSERVING", "OUTCOME_DUE", "RECORDED"]),
  observationEnd: date,
  comment: z.string().nullable(),
  rolledBackTo: z.string().nullable(),
  patch: z.strictObject({ ...releaseRef, liveOn: date.nullable() }).nullable(),
  restoredOn: date.nullable(),
  recordedAt: instant.nullable(),
  recordedBy: person.nullable(),
});

export const releaseResponse = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    version: z.string(),
    digest: z.string().nullable(),
    description: z.string().nullable(),
    type: z.enum(RELEASE_TYPES),
    status: z.enum(RELEASE_STATUSES),
    statusReason: z.string().nullable(),
    region: z.string(),
    product: z.strictObject({ key: z.string(), name: z.string() }),
    parentId: z.string().nullable(),
    parent: z.strictObject({ id: z.string(), name: z.string(), version: z.string() }).nullable(),
    revision: z.number().int(),
    originalGoLive: date,
    baselineGoLive: date,
    forecastGoLive: date,
    slipWorkingDays: z.number().int(),
    atRisk: z.boolean(),
    overdueStage: stageKey.nullable(),
    forecastNotes: z.array(z.string()),
    liveOn: date.nullable(),
    observationEnd: date.nullable(),
    outcome: z.enum(RELEASE_OUTCOMES).nullable(),
    afterGoLive: afterGoLive.nullable(),
    rollout: z.strictObject({
      strategy: z.enum(ROLLOUT_STRATEGIES),
      flags: z.array(z.string()),
      steps: z.array(rolloutStep),
      progress: z.strictObject({
        done: z.number().int(),
        total: z.number().int(),
        completedOn: date.nullable(),
      }),
    }),
    deploymentFlags: z.array(z.enum(DEPLOYMENT_FLAGS)),
    signals: signalCounts,
    currentStage: stageKey.nullable(),
    createdBy: person,
    createdAt: instant,
    updatedAt: instant,
    stages: z.array(stage),
  })
  .meta({ id: "Release" }) satisfies z.ZodType<ReleaseDto>;

/** GET /api/releases/{id}: with its patches and what the caller may do. */
export const loadedReleaseResponse = releaseResponse
  .extend({
    patches: z.array(
      z.strictObject({
        ...releaseRef,
        forecastGoLive: date,
        currentStage: stageKey.nullable(),
        atRisk: z.boolean(),
      }),
    ),
    viewer: z.strictObject({
      decidableStage: stageKey.nullable(),
      decidingFor: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
      reopenableStage: stageKey.nullable(),
      commands: z.array(z.enum(RELEASE_COMMANDS)),
    }),
  })
  .meta({ id: "ReleaseWithViewer" }) satisfies z.ZodType<LoadedRelease>;

const productPerson = person.extend({ isActive: z.boolean() });

export const productResponse = z
  .strictObject({
    id: z.string(),
    key: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    owners: z.array(productPerson),
    approvers: z.strictObject(
      Object.fromEntries(STAGE_KEYS.map((key) => [key, z.array(productPerson)])) as Record<
        StageKey,
        z.ZodArray<typeof productPerson>
      >,
    ),
    releaseCount: z.number().int(),
    isDefault: z.boolean(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: "Product" }) satisfies z.ZodType<ProductDto>;

export const webhookResponse = z
  .strictObject({
    id: z.string(),
    url: z.string(),
    events: z.array(z.string()),
    description: z.string().nullable(),
    isActive: z.boolean(),
    createdAt: instant,
    createdBy: z.strictObject({ id: z.string(), name: z.string() }),
    recent: z.strictObject({
      delivered: z.number().int(),
      pending: z.number().int(),
      failed: z.number().int(),
    }),
  })
  .meta({ id: "Webhook" }) satisfies z.ZodType<WebhookDto>;

export const deliveryResponse = z
  .strictObject({
    id: z.string(),
    event: z.string(),
    channel: z.enum(["EMAIL", "WEBHOOK"]),
    status: z.enum(["PENDING", "DELIVERED", "FAILED", "HELD"]),
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: instant.nullable(),
    deliveredAt: instant.nullable(),
    createdAt: instant,
    to: z.string(),
    subject: z.string().nullable(),
    releaseId: z.string().nullable(),
  })
  .meta({ id: "Delivery" }) satisfies z.ZodType<DeliveryDto>;

export const emailChoicesResponse = z
  .strictObject({
    email: z.strictObject(
      Object.fromEntries(EMAIL_KINDS.map((kind) => [kind, z.boolean()])) as Record<
        EmailKind,
        z.ZodBoolean
      >,
    ),
    watch: z.strictObject({ slipThresholdWorkingDays: z.number().int() }),
  })
  .meta({ id: "EmailChoices" }) satisfies z.ZodType<NotificationPreferencesDto>;

export const signalResponse = z
  .strictObject({
    id: z.string(),
    source: z.enum(["ALERTMANAGER", "API"]),
    severity: z.string(),
    status: z.enum(["FIRING", "RESOLVED"]),
    summary: z.string(),
    url: z.string().nullable(),
    startsAt: instant,
    endsAt: instant.nullable(),
    environment: stageKey.nullable(),
    product: z.strictObject({ key: z.string(), name: z.string() }).nullable(),
    labels: z.record(z.string(), z.string()),
    unmatchedReason: z.string().nullable(),
    receivedCount: z.number().int(),
    lastReceivedAt: instant,
  })
  .meta({ id: "Signal" }) satisfies z.ZodType<SignalDto>;

export const signalsReceivedResponse = z
  .strictObject({ received: z.number().int(), matched: z.number().int() })
  .meta({ id: "SignalsReceived" });

export const signalMatchingResponse = z
  .strictObject({
    productLabels: z.array(z.string()),
    environmentLabels: z.array(z.string()),
    environmentValues: z.record(z.string(), stageKey),
    severities: z.array(z.string()),
  })
  .meta({ id: "SignalMatching" }) satisfies z.ZodType<SignalMatching>;

export const releaseNotesResponse = z
  .strictObject({
    releaseId: z.string(),
    markdown: z.string(),
    html: z.string().meta({ description: "The Markdown rendered to sanitised HTML." }),
    state: z.enum(["DRAFT", "PUBLISHED"]),
    publishedAt: instant.nullable(),
    updatedAt: instant.nullable(),
    updatedBy: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
  })
  .meta({ id: "ReleaseNotes" }) satisfies z.ZodType<ReleaseNotesDto>;

export const publishedNotesResponse = z
  .strictObject({
    releaseId: z.string(),
    name: z.string(),
    version: z.string(),
    goLive: date,
    status: z.enum(RELEASE_STATUSES),
    publishedAt: instant,
    markdown: z.string(),
    html: z.string(),
  })
  .meta({ id: "PublishedNotes" }) satisfies z.ZodType<PublishedNotesDto>;

export const watchesResponse = z
  .strictObject({
    watches: z.array(
      z.strictObject({
        kind: z.enum(["product", "release"]),
        createdAt: instant,
        product: z.strictObject({ key: z.string(), name: z.string() }).nullable(),
        release: z
          .strictObject({
            id: z.string(),
            name: z.string(),
            version: z.string(),
            forecastGoLive: date,
          })
          .nullable(),
      }),
    ),
    slipThresholdWorkingDays: z.number().int(),
  })
  .meta({ id: "Watches" }) satisfies z.ZodType<WatchesDto>;

export const delegationResponse = z
  .strictObject({
    id: z.string(),
    delegator: person,
    deputy: person,
    from: date,
    to: date,
    endedAt: instant.nullable(),
    createdAt: instant,
    isRunning: z.boolean(),
  })
  .meta({ id: "Delegation" }) satisfies z.ZodType<DelegationDto>;

const apiToken = z.strictObject({
  id: z.string(),
  name: z.string(),
  scope: z.enum(TOKEN_SCOPES),
  createdAt: instant,
  expiresAt: instant.nullable(),
  lastUsedAt: instant.nullable(),
});

export const apiTokenResponse = apiToken.meta({ id: "ApiToken" }) satisfies z.ZodType<ApiTokenDto>;

export const createdApiTokenResponse = apiToken
  .extend({ token: z.string() })
  .meta({ id: "CreatedApiToken" }) satisfies z.ZodType<ApiTokenDto & { token: string }>;

export const sessionResponse = z
  .strictObject({
    id: z.string(),
    method: z.enum(["PASSWORD", "OIDC"]),
    userAgent: z.string().nullable(),
    ipAddress: z.string().nullable(),
    createdAt: instant,
    lastSeenAt: instant,
    expiresAt: instant,
  })
  .meta({ id: "Session" }) satisfies z.ZodType<SessionInfo>;

export const auditEventResponse = z
  .strictObject({
    id: z.string(),
    action: z.string(),
    actor: person.nullable(),
    stageKey: stageKey.nullable(),
    comment: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    at: instant,
  })
  .meta({ id: "AuditEvent" }) satisfies z.ZodType<
  Omit<AuditEventDto, "action"> & { action: string }
>;

export const feedResponse = z.strictObject({ url: z.string() }).meta({ id: "CalendarFeed" });

export const healthResponse = z.strictObject({ status: z.literal("ok") }).meta({ id: "Health" });

export const readinessResponse = z
  .strictObject({
    status: z.enum(["ready", "unavailable"]),
    database: z.enum(["ok", "unreachable"]),
    pendingMigrations: z.array(z.string()),
  })
  .meta({ id: "Readiness" }) satisfies z.ZodType<Readiness>;

const userSummary = person.extend({ role: z.enum(ROLES) }) satisfies z.ZodType<UserSummary>;

const userForAdmins = userSummary.extend({
  isActive: z.boolean(),
  hasPassword: z.boolean(),
  hasSso: z.boolean(),
  lastSignInAt: instant.nullable(),
  createdAt: instant,
}) satisfies z.ZodType<UserDto>;

/** Admins see every field; others a person's name, email and role. */
export const userResponse = z
  .union([userForAdmins, userSummary])
  .meta({ id: "User" }) satisfies z.ZodType<UserDto | UserSummary>;

export const userDetailResponse = userForAdmins.meta({ id: "UserDetail" });

export const createdUserResponse = userForAdmins
  .extend({ setPasswordUrl: z.string().optional() })
  .meta({ id: "CreatedUser" });

export const passwordLinkResponse = z
  .strictObject({ setPasswordUrl: z.string() })
  .meta({ id: "PasswordLink" });

export const adminTokenResponse = apiToken
  .extend({ owner: userSummary })
  .meta({ id: "ApiTokenWithOwner" }) satisfies z.ZodType<ApiTokenAdminDto>;

const conflict = z.strictObject({
  environment: stageKey,
  start: date,
  end: date,
  capacity: z.number().int(),
  releases: z.array(z.strictObject({ id: z.string(), name: z.string() })),
}) satisfies z.ZodType<EnvironmentConflict>;

const plannedStage = z.strictObject({
  key: stageKey,
  start: date,
  end: date,
  workingDays: z.number().int(),
});

export const planResponse = z
  .strictObject({
    region: z.string(),
    start: date,
    goLive: date,
    workingDays: z.number().int(),
    stages: z.array(plannedStage),
    notes: z.array(z.string()),
    conflicts: z.array(conflict),
  })
  .meta({ id: "Plan" }) satisfies z.ZodType<Plan & { conflicts: EnvironmentConflict[] }>;

const skipReason = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("ENVIRONMENT_FULL"),
    environment: stageKey,
    day: date,
    releases: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  }),
  z.strictObject({ kind: z.literal("FREEZE"), name: z.string() }),
  z.strictObject({ kind: z.literal("NOT_A_WORKING_DAY"), reason: z.string() }),
]);

export const planSearchResponse = z
  .strictObject({
    region: z.string(),
    wishedGoLive: date,
    wish: z.strictObject({ goLive: date, conflicts: z.array(conflict) }),
    candidates: z.array(
      z.strictObject({
        goLive: date,
        start: date,
        stages: z.array(plannedStage),
        slipWorkingDays: z.number().int(),
      }),
    ),
    skipped: z.array(
      z.strictObject({
        goLive: date,
        reasons: z.array(skipReason),
      }),
    ),
  })
  .meta({ id: "PlanSearch" }) satisfies z.ZodType<PlanSearchResult>;

export const trainResponse = z
  .strictObject({
    product: z.strictObject({ key: z.string(), name: z.string() }),
    rule: z.string(),
    description: z.string(),
    firstGoLive: date,
    namePattern: z.string(),
    versionPattern: z.string(),
    region: z.string(),
    nextDates: z.array(date),
    updatedAt: z.string(),
  })
  .meta({ id: "ReleaseTrain" }) satisfies z.ZodType<TrainDto>;

export const trainPreviewResponse = z
  .strictObject({
    trainDate: date,
    name: z.string(),
    version: z.string(),
    goLive: date.nullable(),
    start: date.nullable(),
    stages: z.array(plannedStage),
    slipWorkingDays: z.number().int().nullable(),
    reasons: z.array(skipReason),
  })
  .meta({ id: "TrainRelease" }) satisfies z.ZodType<TrainPreviewItem>;

export const regionResponse = z
  .strictObject({ code: z.string(), name: z.string() })
  .meta({ id: "Region" }) satisfies z.ZodType<Region>;

export const workingDaysResponse = z
  .strictObject({
    region: z.string(),
    from: date,
    to: date,
    days: z.array(
      z.strictObject({
        date,
        nonWorking: z
          .strictObject({
            kind: z.enum(["weekend", "holiday", "closure"]),
            name: z.string().optional(),
          })
          .optional(),
        freeze: z.strictObject({ name: z.string(), start: date, end: date }).optional(),
      }),
    ),
  })
  .meta({ id: "WorkingDays" }) satisfies z.ZodType<{
  region: string;
  from: string;
  to: string;
  days: DayInfo[];
}>;

const window = z.strictObject({ start: date, end: date, workingDays: z.number().int() });

export const whatIfResponse = z
  .strictObject({
    releaseId: z.string(),
    revision: z.number().int(),
    stages: z.array(
      z.strictObject({
        key: stageKey,
        status: z.enum(STAGE_STATUSES),
        before: window,
        after: window,
        endShift: z.number().int(),
      }),
    ),
    goLive: z.strictObject({ before: date, after: date, shiftWorkingDays: z.number().int() }),
    baseline: z.strictObject({ before: date, after: date }),
    windowWorkingDays: z.strictObject({ before: z.number().int(), after: z.number().int() }),
    notes: z.array(z.string()),
    freezes: z.array(
      z.strictObject({ name: z.string(), start: date, end: date, stages: z.array(stageKey) }),
    ),
    conflicts: z.strictObject({
      added: z.array(conflict),
      resolved: z.array(conflict),
      remaining: z.array(conflict),
    }),
  })
  .meta({ id: "WhatIf" }) satisfies z.ZodType<ReplanPreview>;

export const whatWaitsResponse = z
  .strictObject({
    today: date,
    items: z.array(
      z.strictObject({
        release: z.strictObject({
          ...releaseRef,
          type: z.enum(RELEASE_TYPES),
          forecastGoLive: date,
          baselineGoLive: date,
          atRisk: z.boolean(),
        }),
        stage,
        onBehalfOf: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
        isOverdue: z.boolean(),
      }),
    ),
    outcomesDue: z.array(
      z.strictObject({
        release: z.strictObject({
          id: releaseRef.id,
          name: releaseRef.name,
          version: releaseRef.version,
          type: z.enum(RELEASE_TYPES),
          product: z.strictObject({ key: z.string(), name: z.string() }),
        }),
        liveOn: date,
        observationEnd: date,
        signals: signalCounts,
      }),
    ),
  })
  .meta({ id: "WhatWaits" }) satisfies z.ZodType<WhatWaits>;

const occurrence = z.strictObject({
  start: instant,
  end: instant,
  startLocal: z.string(),
  endLocal: z.string(),
}) satisfies z.ZodType<OccurrenceDto>;

export const windowResponse = z
  .strictObject({
    id: z.string(),
    name: z.string(),
    kind: z.enum(WINDOW_KINDS),
    environments: z.array(stageKey),
    products: z.array(z.string()),
    rule: z.string(),
    description: z.string(),
    startTime: z.string(),
    durationMinutes: z.number().int(),
    startsOn: date,
    next: z.array(occurrence),
    updatedAt: instant,
  })
  .meta({ id: "DeploymentWindow" }) satisfies z.ZodType<WindowDto>;

export const windowListResponse = z
  .strictObject({
    timeZone: z.string(),
    windows: z.array(windowResponse),
    freezes: z.array(
      z.strictObject({
        name: z.string(),
        start: date,
        end: date,
        region: z.string().nullable(),
        yearly: z.boolean(),
      }),
    ),
  })
  .meta({ id: "DeploymentWindows" }) satisfies z.ZodType<WindowList>;

const exceptionPerson = z.strictObject({ id: z.string(), name: z.string() });

export const exceptionResponse = z
  .strictObject({
    id: z.string(),
    release: z.strictObject({ id: z.string(), name: z.string(), version: z.string() }),
    environment: stageKey,
    from: instant,
    to: instant,
    reason: z.string(),
    state: z.enum(["REQUESTED", "APPROVED", "REFUSED", "EXPIRED"]),
    requestedBy: exceptionPerson,
    decidedBy: exceptionPerson.nullable(),
    decidedAt: instant.nullable(),
    comment: z.string().nullable(),
    createdAt: instant,
  })
  .meta({ id: "GateException" }) satisfies z.ZodType<ExceptionDto>;

const gateReason = z.strictObject({ code: z.enum(GATE_REASON_CODES), message: z.string() });

export const gateResponse = z
  .strictObject({
    open: z.boolean(),
    environment: stageKey,
    release: z.strictObject({ id: z.string(), name: z.string(), version: z.string() }).nullable(),
    reasons: z.array(gateReason),
    until: instant.nullable(),
    nextOpen: instant.nullable(),
    exception: exceptionResponse.nullable(),
  })
  .meta({ id: "GateAnswer" }) satisfies z.ZodType<GateAnswer>;

export const releaseExceptionsResponse = z
  .strictObject({
    items: z.array(exceptionResponse),
    refused: z.array(
      z.strictObject({
        id: z.string(),
        environment: stageKey,
        version: z.string().nullable(),
        digest: z.string().nullable(),
        open: z.boolean(),
        reasons: z.array(gateReason),
        actor: exceptionPerson.nullable(),
        at: instant,
      }) satisfies z.ZodType<GateCheckDto>,
    ),
  })
  .meta({ id: "ReleaseExceptions" });

const environmentTarget = z.strictObject({
  file: z.string(),
  set: z.array(z.strictObject({ key: z.string(), value: z.enum(PROMOTION_VALUES) })),
});

export const gitopsTargetResponse = z
  .strictObject({
    product: z.strictObject({ key: z.string(), name: z.string() }),
    repository: z.string(),
    branch: z.string(),
    username: z.string().nullable(),
    hasToken: z.boolean(),
    author: z.strictObject({ name: z.string(), email: z.string() }),
    environments: z.partialRecord(stageKey, environmentTarget),
    updatedAt: instant,
  })
  .meta({ id: "GitopsTarget" }) satisfies z.ZodType<GitopsTargetDto>;

export const gitopsTestResponse = z
  .strictObject({ ok: z.boolean(), head: z.string().nullable(), message: z.string() })
  .meta({ id: "GitopsTest" }) satisfies z.ZodType<GitopsTestResult>;

export const promotionResponse = z
  .strictObject({
    id: z.string(),
    environment: stageKey,
    state: z.enum(["WAITING", "PUSHED", "UNCHANGED", "FAILED", "DEPLOYED"]),
    commit: z.string().nullable(),
    commitUrl: z.string().nullable(),
    error: z.string().nullable(),
    attempts: z.number().int(),
    at: instant,
    nextAttemptAt: instant.nullable(),
    pushedAt: instant.nullable(),
    deployedAt: instant.nullable(),
    requestedBy: exceptionPerson.nullable(),
    createdAt: instant,
  })
  .meta({ id: "Promotion" }) satisfies z.ZodType<PromotionDto>;
