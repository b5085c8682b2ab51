// The OpenAPI 3.1 description of the HTTP API, generated from the zod schemas the routes validate
// their input with (z.toJSONSchema, input side) and from the route table (api-routes.ts), so that
// it cannot drift from what the routes accept. Served at /api/openapi.json, shown at /api-docs.
import { z } from "zod";

import { ERROR_CODES, type ErrorCode, statusOfErrorCode } from "@/lib/errors";
import { isSessionOnly, PERMISSIONS, type Permission } from "@/lib/permissions";
import { delegationCreateSchema } from "@/lib/validation/delegations";
import { deploymentReportSchema } from "@/lib/validation/deployments";
import { gitopsTargetSchema, promotionRequestSchema } from "@/lib/validation/gitops";
import {
  notesFeedQuerySchema,
  notesInputSchema,
  productNotesQuerySchema,
} from "@/lib/validation/notes";
import { notificationPreferencesSchema, webhookCreateSchema } from "@/lib/validation/notifications";
import { planRequestSchema, planSearchSchema, workingDaysQuerySchema } from "@/lib/validation/plan";
import {
  approversSchema,
  productCreateSchema,
  productUpdateSchema,
  trainBatchSchema,
  trainSchema,
} from "@/lib/validation/products";
import {
  commentSchema,
  outcomeSchema,
  reasonSchema,
  releaseApiQuerySchema,
  releaseCreateSchema,
  releaseUpdateSchema,
  rolloutSchema,
  signOffSchema,
  whatIfSchema,
} from "@/lib/validation/releases";
import { reportQuerySchema } from "@/lib/validation/reports";
import {
  alertmanagerPayloadSchema,
  genericSignalSchema,
  signalMatchingSchema,
  signalsQuerySchema,
} from "@/lib/validation/signals";
import {
  passwordChangeSchema,
  passwordResetSchema,
  tokenCreateSchema,
  userCreateSchema,
  userListQuerySchema,
  userUpdateSchema,
} from "@/lib/validation/users";
import {
  exceptionDecisionSchema,
  exceptionQuerySchema,
  exceptionSchema,
  gateQuerySchema,
  windowExportQuerySchema,
  windowPatchSchema,
  windowSchema,
} from "@/lib/validation/windows";

import {
  adminTokenResponse,
  createdUserResponse,
  passwordLinkResponse,
  planResponse,
  planSearchResponse,
  regionResponse,
  userDetailResponse,
  userResponse,
  whatIfResponse,
  whatWaitsResponse,
  workingDaysResponse,
  apiTokenResponse,
  auditEventResponse,
  createdApiTokenResponse,
  delegationResponse,
  feedResponse,
  healthResponse,
  readinessResponse,
  sessionResponse,
  deliveryResponse,
  deploymentResponse,
  emailChoicesResponse,
  exceptionResponse,
  gateResponse,
  gitopsTargetResponse,
  gitopsTestResponse,
  promotionResponse,
  publishedNotesResponse,
  signalMatchingResponse,
  signalResponse,
  signalsReceivedResponse,
  releaseNotesResponse,
  watchesResponse,
  releaseExceptionsResponse,
  windowListResponse,
  windowResponse,
  loadedReleaseResponse,
  productResponse,
  releaseResponse,
  trainPreviewResponse,
  trainResponse,
  webhookResponse,
} from "./api-responses";
import { API_ROUTES, type HttpMethod } from "./api-routes";

type Access = Permission | "public" | "feed-token";

export type Operation = {
  method: HttpMethod;
  path: string;
  tag: string;
  summary: string;
  access: Access;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The success status and what it carries. */
  success: { status: number; description: string; contentType?: string };
  /** The success body's schema (a registered one: Release, Deployment, …), or a list of it. */
  response?: { schema: z.ZodType; list?: boolean };
  /** Error codes beyond those every route may answer (400 input, 401, 403). */
  errors?: ErrorCode[];
  paged?: boolean;
  /** Another status answered with the success body's schema (readiness: 503 when not ready). */
  alternative?: { status: number; description: string };
};

const json = "application/json";

/** Most release commands answer the release as it is afterwards. */
const RETURNS_RELEASE = {
  response: { schema: releaseResponse },
  success: [200, "The release"] as [number, string],
};

/** Every operation of the API; a test checks that each route method of api-routes.ts has one. */
export const OPERATIONS: readonly Operation[] = [
  op(
    "POST",
    "/api/plan",
    "Planning",
    "Plan a release backward from a go-live or forward from a start",
    "releases.read",
    {
      body: planRequestSchema,
      response: { schema: planResponse },
      success: [200, "The six stage windows, notes and conflicts; nothing is written"],
      errors: ["NOT_A_WORKING_DAY", "UNKNOWN_REGION", "DATE_OUT_OF_RANGE"],
    },
  ),
  op(
    "POST",
    "/api/plan/search",
    "Planning",
    "The earliest go-lives whose whole plan fits in the environments",
    "releases.read",
    {
      body: planSearchSchema,
      response: { schema: planSearchResponse },
      success: [
        200,
        "Up to `count` candidates from the wish, the first skipped dates with their reasons, and the conflicts the wish itself would cause; nothing is written",
      ],
      errors: [
        "NOT_A_WORKING_DAY",
        "UNKNOWN_REGION",
        "UNKNOWN_PRODUCT",
        "RELEASE_NOT_FOUND",
        "DATE_OUT_OF_RANGE",
      ],
    },
  ),
  op("GET", "/api/regions", "Planning", "Holiday regions with their names", "releases.read", {
    response: { schema: regionResponse, list: true },
    success: [200, "Regions"],
  }),
  op(
    "GET",
    "/api/working-days",
    "Planning",
    "Weekends, holidays, closures and freezes in a range",
    "releases.read",
    {
      query: workingDaysQuerySchema,
      response: { schema: workingDaysResponse },
      success: [200, "Days"],
      errors: ["UNKNOWN_REGION", "DATE_OUT_OF_RANGE"],
    },
  ),
  op(
    "GET",
    "/api/releases",
    "Releases",
    "Releases and patches by forecast go-live",
    "releases.read",
    {
      query: releaseApiQuerySchema,
      response: { schema: releaseResponse, list: true },
      success: [200, "A page of releases, each with its six stages"],
      paged: true,
    },
  ),
  op("POST", "/api/releases", "Releases", "Create a release or patch", "releases.plan", {
    body: releaseCreateSchema,
    response: { schema: releaseResponse },
    success: [201, "The release"],
    errors: [
      "NOT_A_WORKING_DAY",
      "GO_LIVE_IN_PAST",
      "GO_LIVE_TOO_EARLY",
      "UNKNOWN_REGION",
      "UNKNOWN_PRODUCT",
      "PARENT_NOT_FOUND",
      "PARENT_NOT_A_RELEASE",
      "VERSION_TAKEN",
      "SLOT_TAKEN",
    ],
  }),
  op(
    "GET",
    "/api/releases/{id}",
    "Releases",
    "A release with its stages, patches and what the caller may do",
    "releases.read",
    {
      response: { schema: loadedReleaseResponse },
      success: [200, "The release"],
      errors: ["NOT_FOUND"],
    },
  ),
  op("PATCH", "/api/releases/{id}", "Releases", "Edit or re-plan a release", "releases.plan", {
    body: releaseUpdateSchema,
    ...RETURNS_RELEASE,
    errors: [
      "NOT_FOUND",
      "STALE_REVISION",
      "NO_CHANGES",
      "ARTIFACT_LOCKED",
      "REGION_LOCKED",
      "VERSION_TAKEN",
      "NOT_A_WORKING_DAY",
      "END_BEFORE_START",
      "END_IN_PAST",
      "USE_GO_LIVE",
      "STAGE_CLOSED",
      "RELEASE_CLOSED",
      "SLOT_TAKEN",
    ],
  }),
  op(
    "POST",
    "/api/releases/{id}/what-if",
    "Releases",
    "Preview a re-plan without writing it",
    "releases.plan",
    {
      body: whatIfSchema,
      response: { schema: whatIfResponse },
      success: [200, "Every stage before and after, conflicts, freezes"],
      errors: ["NOT_FOUND", "NOT_A_WORKING_DAY"],
    },
  ),
  op(
    "POST",
    "/api/releases/{id}/stages/{key}/signoff",
    "Sign-off",
    "Approve or reject the current stage (optionally as deputy)",
    "stages.decide",
    {
      body: signOffSchema,
      ...RETURNS_RELEASE,
      errors: [
        "NOT_FOUND",
        "NOT_AN_APPROVER",
        "NOT_A_DEPUTY",
        "FOUR_EYES",
        "STAGE_NOT_CURRENT",
        "ALREADY_DECIDED",
        "STAGE_REJECTED",
        "RELEASE_NOT_OPEN",
        "COMMENT_REQUIRED",
      ],
    },
  ),
  op(
    "POST",
    "/api/releases/{id}/stages/{key}/reopen",
    "Sign-off",
    "Reopen a rejected stage for a new round",
    "releases.plan",
    {
      body: commentSchema,
      ...RETURNS_RELEASE,
      errors: ["NOT_FOUND", "STAGE_NOT_REJECTED"],
    },
  ),
  op("POST", "/api/releases/{id}/hold", "Releases", "Put a release on hold", "releases.plan", {
    body: reasonSchema,
    ...RETURNS_RELEASE,
    errors: ["NOT_FOUND", "RELEASE_CLOSED", "STALE_REVISION"],
  }),
  op("POST", "/api/releases/{id}/resume", "Releases", "Resume a release on hold", "releases.plan", {
    body: commentSchema,
    ...RETURNS_RELEASE,
    errors: ["NOT_FOUND", "RELEASE_NOT_ON_HOLD", "STALE_REVISION"],
  }),
  op("POST", "/api/releases/{id}/cancel", "Releases", "Cancel a release", "releases.plan", {
    body: reasonSchema,
    ...RETURNS_RELEASE,
    errors: ["NOT_FOUND", "RELEASE_CLOSED", "STALE_REVISION"],
  }),
  op(
    "GET",
    "/api/releases/{id}/audit",
    "Releases",
    "The audit trail, oldest first",
    "releases.read",
    {
      response: { schema: auditEventResponse, list: true },
      success: [200, "Audit events"],
      errors: ["NOT_FOUND"],
      paged: true,
    },
  ),
  op(
    "POST",
    "/api/releases/{id}/outcome",
    "After go-live",
    "Record what became of a live release",
    "releases.outcome",
    {
      body: outcomeSchema,
      ...RETURNS_RELEASE,
      errors: ["NOT_FOUND", "RELEASE_NOT_LIVE", "PATCH_NOT_OF_RELEASE", "DATE_OUT_OF_RANGE"],
    },
  ),
  op(
    "PUT",
    "/api/releases/{id}/rollout",
    "After go-live",
    "Plan the rollout of the PROD stage",
    "releases.plan",
    {
      body: rolloutSchema,
      ...RETURNS_RELEASE,
      errors: ["NOT_FOUND", "NOT_A_WORKING_DAY", "IN_FREEZE", "BAD_STEPS", "ROLLOUT_LOCKED"],
    },
  ),
  op(
    "POST",
    "/api/releases/{id}/rollout/steps/{position}/done",
    "After go-live",
    "Mark a rollout step done today",
    "releases.plan",
    {
      ...RETURNS_RELEASE,
      errors: ["NOT_FOUND", "RELEASE_NOT_LIVE", "BAD_STEPS", "DUPLICATE"],
    },
  ),
  op(
    "GET",
    "/api/releases/{id}/deployments",
    "Deployments",
    "A release's deployments, oldest first",
    "releases.read",
    {
      response: { schema: deploymentResponse, list: true },
      success: [200, "Deployments"],
      errors: ["NOT_FOUND"],
      paged: true,
    },
  ),
  op(
    "POST",
    "/api/deployments",
    "Deployments",
    "Report a deployment (CI, Argo CD)",
    "deployments.report",
    {
      body: deploymentReportSchema,
      response: { schema: deploymentResponse },
      success: [201, "The deployment (200: the same deliveryId was reported before)"],
      errors: ["RELEASE_NOT_FOUND", "ARTIFACT_MISMATCH"],
    },
  ),
  op(
    "GET",
    "/api/windows",
    "Deployment windows",
    "The deployment windows and freezes",
    "releases.read",
    {
      response: { schema: windowListResponse },
      success: [
        200,
        "The windows with their next occurrences, and the freezes (deny windows for PROD)",
      ],
    },
  ),
  op("POST", "/api/windows", "Deployment windows", "Add a deployment window", "settings.manage", {
    body: windowSchema,
    response: { schema: windowResponse },
    success: [201, "The window"],
    errors: ["EMPTY_RULE", "UNKNOWN_PRODUCT"],
  }),
  op(
    "PATCH",
    "/api/windows/{id}",
    "Deployment windows",
    "Change a deployment window",
    "settings.manage",
    {
      body: windowPatchSchema,
      response: { schema: windowResponse },
      success: [200, "The window"],
      errors: ["NOT_FOUND", "EMPTY_RULE", "UNKNOWN_PRODUCT"],
    },
  ),
  op(
    "DELETE",
    "/api/windows/{id}",
    "Deployment windows",
    "Remove a deployment window",
    "settings.manage",
    { success: [204, "Removed"], errors: ["NOT_FOUND"] },
  ),
  op(
    "GET",
    "/api/windows/export",
    "Deployment windows",
    "The windows of an environment for Argo CD (YAML), GitLab (JSON) or a calendar (iCalendar)",
    "releases.read",
    {
      query: windowExportQuerySchema,
      success: [
        200,
        "An AppProject with syncWindows, GitLab freeze periods, or RFC 5545",
        "application/yaml",
      ],
    },
  ),
  op(
    "GET",
    "/api/gate",
    "Deployment windows",
    "May this version go to this environment now? (any token scope)",
    "gate.ask",
    {
      query: gateQuerySchema,
      response: { schema: gateResponse },
      success: [200, "Open or closed, every reason, until and nextOpen"],
      errors: ["RELEASE_NOT_FOUND", "GATE_CLOSED"],
    },
  ),
  op(
    "GET",
    "/api/releases/{id}/exceptions",
    "Deployment windows",
    "A release's exceptions and the deployments the gate refused it",
    "releases.read",
    {
      response: { schema: releaseExceptionsResponse },
      success: [200, "Exceptions and refused attempts"],
    },
  ),
  op(
    "POST",
    "/api/releases/{id}/exceptions",
    "Deployment windows",
    "Ask for an exception to the windows (at most 72 hours)",
    "exceptions.request",
    {
      body: exceptionSchema,
      response: { schema: exceptionResponse },
      success: [201, "The exception, waiting for another person's decision"],
      errors: ["RELEASE_NOT_FOUND", "RELEASE_CLOSED", "END_IN_PAST", "EXCEPTION_TOO_LONG"],
    },
  ),
  op("GET", "/api/exceptions", "Deployment windows", "Exceptions, newest first", "releases.read", {
    query: exceptionQuerySchema,
    response: { schema: exceptionResponse, list: true },
    success: [200, "Exceptions"],
  }),
  ...(["approve", "refuse"] as const).map((verb) =>
    op(
      "POST",
      `/api/exceptions/{id}/${verb}`,
      "Deployment windows",
      `${verb === "approve" ? "Approve" : "Refuse"} an exception someone else asked for`,
      "exceptions.decide",
      {
        body: exceptionDecisionSchema,
        response: { schema: exceptionResponse },
        success: [200, "The exception"],
        errors: ["NOT_FOUND", "FOUR_EYES", "ALREADY_DECIDED", "END_IN_PAST"],
      },
    ),
  ),
  op(
    "GET",
    "/api/reports/releases.csv",
    "Reports",
    "Releases with their stage dates as CSV",
    "releases.read",
    { query: reportQuerySchema, success: [200, "RFC 4180 CSV", "text/csv"] },
  ),
  op(
    "GET",
    "/api/calendar.ics",
    "Calendar feed",
    "The iCalendar feed of a feed token",
    "feed-token",
    { success: [200, "RFC 5545 calendar", "text/calendar"], errors: ["NOT_FOUND"] },
  ),
  op(
    "GET",
    "/api/me/calendar-feed",
    "Calendar feed",
    "The caller's feed address (created on first call)",
    "account.read",
    { response: { schema: feedResponse }, success: [200, "{url}"] },
  ),
  op(
    "DELETE",
    "/api/me/calendar-feed",
    "Calendar feed",
    "Revoke the caller's feed address",
    "account.manage",
    { success: [204, "Revoked"] },
  ),
  op(
    "GET",
    "/api/me/approvals",
    "Sign-off",
    "What waits for the caller, and outcomes to record",
    "releases.read",
    { response: { schema: whatWaitsResponse }, success: [200, "Waiting stages"] },
  ),
  op(
    "GET",
    "/api/products",
    "Products",
    "Products with owners and named approvers",
    "releases.read",
    { response: { schema: productResponse, list: true }, success: [200, "Products"] },
  ),
  op("POST", "/api/products", "Products", "Create a product", "products.manage", {
    body: productCreateSchema,
    response: { schema: productResponse },
    success: [201, "The product"],
    errors: ["PRODUCT_TAKEN", "UNKNOWN_USER", "ROLE_NOT_ALLOWED"],
  }),
  op("GET", "/api/products/{key}", "Products", "One product", "releases.read", {
    response: { schema: productResponse },
    success: [200, "The product"],
    errors: ["NOT_FOUND"],
  }),
  op(
    "PATCH",
    "/api/products/{key}",
    "Products",
    "Rename a product or change its owners",
    "products.manage",
    {
      body: productUpdateSchema,
      response: { schema: productResponse },
      success: [200, "The product"],
      errors: ["NOT_FOUND", "PRODUCT_TAKEN", "UNKNOWN_USER", "ROLE_NOT_ALLOWED"],
    },
  ),
  op(
    "PUT",
    "/api/products/{key}/approvers/{stage}",
    "Products",
    "Name who signs a stage of the product's releases",
    "products.manage",
    {
      body: approversSchema,
      response: { schema: productResponse },
      success: [200, "The product"],
      errors: ["NOT_FOUND", "UNKNOWN_USER", "ROLE_NOT_ALLOWED"],
    },
  ),
  op(
    "GET",
    "/api/products/{key}/train",
    "Products",
    "The product's release train",
    "releases.read",
    {
      response: { schema: trainResponse },
      success: [200, "The train with its coming dates"],
      errors: ["NOT_FOUND"],
    },
  ),
  op(
    "PUT",
    "/api/products/{key}/train",
    "Products",
    "Set the product's release train (its owners and administrators)",
    "products.manage",
    {
      body: trainSchema,
      response: { schema: trainResponse },
      success: [200, "The train"],
      errors: ["NOT_FOUND", "NOT_AN_OWNER", "EMPTY_CADENCE", "UNKNOWN_REGION"],
    },
  ),
  op(
    "DELETE",
    "/api/products/{key}/train",
    "Products",
    "Remove the product's release train (its releases stay)",
    "products.manage",
    { success: [204, "Removed"], errors: ["NOT_FOUND", "NOT_AN_OWNER"] },
  ),
  op(
    "POST",
    "/api/products/{key}/train/preview",
    "Products",
    "The next releases of the train, planned; nothing is written",
    "releases.plan",
    {
      body: trainBatchSchema,
      response: { schema: trainPreviewResponse, list: true },
      success: [
        200,
        "Each train date, its go-live (the date itself or the earliest fitting one after), slip and reasons",
      ],
      errors: ["NOT_FOUND"],
    },
  ),
  op(
    "POST",
    "/api/products/{key}/train/plan",
    "Products",
    "Create the next releases of the train, all or none",
    "releases.plan",
    {
      body: trainBatchSchema,
      response: { schema: releaseResponse, list: true },
      success: [201, "The releases"],
      errors: ["NOT_FOUND", "NO_FREE_DATE", "VERSION_TAKEN", "SLOT_TAKEN"],
    },
  ),
  op(
    "GET",
    "/api/products/{key}/gitops",
    "Promotion",
    "The product's GitOps target (its owners and administrators; never the token)",
    "products.manage",
    {
      response: { schema: gitopsTargetResponse },
      success: [200, "The target"],
      errors: ["NOT_FOUND", "NOT_AN_OWNER"],
    },
  ),
  op(
    "PUT",
    "/api/products/{key}/gitops",
    "Promotion",
    "Set the product's GitOps target: repository, branch, credentials, author, files and keys",
    "products.manage",
    {
      body: gitopsTargetSchema,
      response: { schema: gitopsTargetResponse },
      success: [200, "The target"],
      errors: ["NOT_FOUND", "NOT_AN_OWNER", "URL_NOT_ALLOWED"],
    },
  ),
  op(
    "DELETE",
    "/api/products/{key}/gitops",
    "Promotion",
    "Remove the product's GitOps target",
    "products.manage",
    { success: [204, "Removed"], errors: ["NOT_FOUND", "NOT_AN_OWNER"] },
  ),
  op(
    "POST",
    "/api/products/{key}/gitops/test",
    "Promotion",
    "Read the target's branch with its credentials",
    "products.manage",
    {
      response: { schema: gitopsTestResponse },
      success: [200, "ok, the head commit, and what was found"],
      errors: ["NOT_FOUND", "NOT_AN_OWNER"],
    },
  ),
  op(
    "GET",
    "/api/releases/{id}/promotions",
    "Promotion",
    "A release's promotions",
    "releases.read",
    {
      response: { schema: promotionResponse, list: true },
      success: [200, "Promotions, newest first"],
    },
  ),
  op(
    "POST",
    "/api/releases/{id}/promotions",
    "Promotion",
    "Promote the release to an environment by hand (the worker writes the commit)",
    "releases.plan",
    {
      body: promotionRequestSchema,
      response: { schema: promotionResponse },
      success: [201, "The promotion, waiting for the worker"],
      errors: ["RELEASE_NOT_FOUND", "NOT_SIGNED_OFF", "NO_GITOPS_TARGET"],
    },
  ),
  op(
    "POST",
    "/api/promotions/{id}/retry",
    "Promotion",
    "Try a failed promotion again now",
    "releases.plan",
    {
      response: { schema: promotionResponse },
      success: [200, "The promotion, waiting again"],
      errors: ["NOT_FOUND", "PROMOTION_NOT_FAILED"],
    },
  ),
  op(
    "POST",
    "/api/signals/alertmanager",
    "Signals",
    "Alertmanager's webhook (payload version 4): alerts stored, matched to observed releases",
    "signals.report",
    {
      body: alertmanagerPayloadSchema,
      response: { schema: signalsReceivedResponse },
      success: [200, "How many alerts were received and matched"],
      errors: ["PAYLOAD_TOO_LARGE"],
    },
  ),
  op("POST", "/api/signals", "Signals", "A monitoring tool's signal", "signals.report", {
    body: genericSignalSchema,
    response: { schema: signalsReceivedResponse },
    success: [201, "Received, and whether it matched a release"],
  }),
  op(
    "GET",
    "/api/signals",
    "Signals",
    "Signals, unmatched ones to fix a mapping",
    "signals.review",
    {
      query: signalsQuerySchema,
      response: { schema: signalResponse, list: true },
      success: [200, "Signals, newest first"],
      paged: true,
    },
  ),
  op(
    "GET",
    "/api/releases/{id}/signals",
    "Signals",
    "The signals of a release's observation window (or rollout)",
    "releases.read",
    {
      response: { schema: signalResponse, list: true },
      success: [200, "Signals, newest first"],
      errors: ["NOT_FOUND"],
    },
  ),
  op(
    "GET",
    "/api/products/{key}/signal-matching",
    "Signals",
    "How alerts name the product and its environments",
    "products.manage",
    {
      response: { schema: signalMatchingResponse },
      success: [200, "The matching (the defaults when none is set)"],
      errors: ["NOT_FOUND", "NOT_AN_OWNER"],
    },
  ),
  op(
    "PUT",
    "/api/products/{key}/signal-matching",
    "Signals",
    "Set how alerts name the product: labels, environment values, severities that count",
    "products.manage",
    {
      body: signalMatchingSchema,
      response: { schema: signalMatchingResponse },
      success: [200, "The matching"],
      errors: ["NOT_FOUND", "NOT_AN_OWNER"],
    },
  ),
  op(
    "DELETE",
    "/api/products/{key}/signal-matching",
    "Signals",
    "Back to the default matching",
    "products.manage",
    { success: [204, "Defaults apply"], errors: ["NOT_FOUND", "NOT_AN_OWNER"] },
  ),
  op(
    "GET",
    "/api/releases/{id}/notes",
    "Release notes",
    "A release's notes: Markdown, sanitised HTML, draft or published",
    "releases.read",
    {
      response: { schema: releaseNotesResponse },
      success: [200, "The notes (an empty draft when none were written)"],
      errors: ["NOT_FOUND"],
    },
  ),
  op(
    "PUT",
    "/api/releases/{id}/notes",
    "Release notes",
    "Write the notes: Markdown, or the release's commits grouped by Conventional Commits",
    "releases.notes",
    {
      body: notesInputSchema,
      response: { schema: releaseNotesResponse },
      success: [200, "The notes"],
      errors: ["NOT_FOUND", "RELEASE_CLOSED", "PAYLOAD_TOO_LARGE"],
    },
  ),
  op(
    "POST",
    "/api/releases/{id}/notes/publish",
    "Release notes",
    "Publish the notes now (otherwise at go-live)",
    "releases.notes",
    {
      response: { schema: releaseNotesResponse },
      success: [200, "The published notes"],
      errors: ["NOT_FOUND", "RELEASE_CLOSED", "NOTHING_TO_PUBLISH"],
    },
  ),
  op(
    "GET",
    "/api/products/{key}/notes",
    "Release notes",
    "A product's published notes whose go-live lies in a period, newest first",
    "releases.read",
    {
      query: productNotesQuerySchema,
      response: { schema: publishedNotesResponse, list: true },
      success: [200, "Published notes"],
      errors: ["NOT_FOUND"],
      paged: true,
    },
  ),
  op(
    "GET",
    "/api/products/{key}/notes.atom",
    "Release notes",
    "The Atom feed of a product's published notes (the personal feed token)",
    "feed-token",
    {
      query: notesFeedQuerySchema,
      success: [200, "Atom 1.0 feed", "application/atom+xml"],
      errors: ["NOT_FOUND"],
    },
  ),
  op(
    "GET",
    "/api/me/watches",
    "Release notes",
    "The products and releases the caller watches",
    "releases.read",
    { response: { schema: watchesResponse }, success: [200, "Watches and the slip threshold"] },
  ),
  op(
    "PUT",
    "/api/me/watches/products/{key}",
    "Release notes",
    "Watch every release of a product",
    "watches.manage",
    { success: [204, "Watching"], errors: ["NOT_FOUND"] },
  ),
  op(
    "DELETE",
    "/api/me/watches/products/{key}",
    "Release notes",
    "Stop watching a product",
    "watches.manage",
    { success: [204, "Not watching"], errors: ["NOT_FOUND"] },
  ),
  op(
    "PUT",
    "/api/me/watches/releases/{id}",
    "Release notes",
    "Watch one release",
    "watches.manage",
    { success: [204, "Watching"], errors: ["NOT_FOUND"] },
  ),
  op(
    "DELETE",
    "/api/me/watches/releases/{id}",
    "Release notes",
    "Stop watching a release",
    "watches.manage",
    { success: [204, "Not watching"], errors: ["NOT_FOUND"] },
  ),
  op(
    "GET",
    "/api/me/delegations",
    "People",
    "The caller's delegations, given and received",
    "account.read",
    { response: { schema: delegationResponse, list: true }, success: [200, "Delegations"] },
  ),
  op("POST", "/api/me/delegations", "People", "Name a deputy for an absence", "account.delegate", {
    body: delegationCreateSchema,
    response: { schema: delegationResponse },
    success: [201, "The delegation"],
    errors: [
      "DEPUTY_IS_SELF",
      "DEPUTY_NOT_ACTIVE",
      "ROLE_NOT_ALLOWED",
      "END_BEFORE_START",
      "END_IN_PAST",
      "DATE_OUT_OF_RANGE",
      "DELEGATION_OVERLAP",
      "UNKNOWN_USER",
    ],
  }),
  op("DELETE", "/api/me/delegations/{id}", "People", "End a delegation now", "account.delegate", {
    success: [204, "Ended"],
    errors: ["NOT_FOUND"],
  }),
  op("GET", "/api/users", "People", "Users (admins: every field)", "people.read", {
    query: userListQuerySchema,
    response: { schema: userResponse, list: true },
    success: [200, "Users"],
    paged: true,
  }),
  op("POST", "/api/users", "People", "Add a user", "users.manage", {
    body: userCreateSchema,
    response: { schema: createdUserResponse },
    success: [201, "The user (and a one-time setPasswordUrl)"],
    errors: ["EMAIL_TAKEN"],
  }),
  op("GET", "/api/users/{id}", "People", "One user", "users.manage", {
    response: { schema: userDetailResponse },
    success: [200, "The user"],
    errors: ["NOT_FOUND"],
  }),
  op(
    "PATCH",
    "/api/users/{id}",
    "People",
    "Rename, change the role, (de)activate",
    "users.manage",
    {
      body: userUpdateSchema,
      response: { schema: userDetailResponse },
      success: [200, "The user"],
      errors: ["NOT_FOUND", "LAST_ADMIN"],
    },
  ),
  op(
    "POST",
    "/api/users/{id}/password-reset",
    "People",
    "Reset a password: a new one-time link",
    "users.manage",
    {
      body: passwordResetSchema,
      response: { schema: passwordLinkResponse },
      success: [200, "{setPasswordUrl}"],
      errors: ["NOT_FOUND"],
    },
  ),
  op("POST", "/api/me/password", "Account", "Change the caller's password", "account.manage", {
    body: passwordChangeSchema,
    success: [204, "Changed"],
    errors: ["WRONG_PASSWORD", "WEAK_PASSWORD"],
  }),
  op(
    "GET",
    "/api/me/tokens",
    "Account",
    "The caller's API tokens (never the secret)",
    "account.read",
    { response: { schema: apiTokenResponse, list: true }, success: [200, "Tokens"] },
  ),
  op(
    "POST",
    "/api/me/tokens",
    "Account",
    "Create an API token (the secret is in this answer only)",
    "account.manage",
    {
      body: tokenCreateSchema,
      response: { schema: createdApiTokenResponse },
      success: [201, "The token with its secret"],
      errors: ["SCOPE_NOT_ALLOWED"],
    },
  ),
  op(
    "DELETE",
    "/api/me/tokens/{id}",
    "Account",
    "Revoke one of the caller's tokens",
    "account.manage",
    { success: [204, "Revoked"], errors: ["NOT_FOUND"] },
  ),
  op("GET", "/api/tokens", "People", "Every usable token with its owner", "users.manage", {
    response: { schema: adminTokenResponse, list: true },
    success: [200, "Tokens"],
  }),
  op("DELETE", "/api/tokens/{id}", "People", "Revoke any token", "users.manage", {
    success: [204, "Revoked"],
    errors: ["NOT_FOUND"],
  }),
  op("GET", "/api/me/sessions", "Account", "Where the caller is signed in", "account.read", {
    response: { schema: sessionResponse, list: true },
    success: [200, "Sessions"],
  }),
  op("DELETE", "/api/me/sessions/{id}", "Account", "Sign one session out", "account.manage", {
    success: [204, "Signed out"],
    errors: ["NOT_FOUND"],
  }),
  op(
    "GET",
    "/api/me/notifications",
    "Notifications",
    "Which emails the caller gets",
    "account.read",
    { response: { schema: emailChoicesResponse }, success: [200, "Email choices"] },
  ),
  op(
    "PUT",
    "/api/me/notifications",
    "Notifications",
    "Choose which emails to get",
    "account.manage",
    {
      body: notificationPreferencesSchema,
      response: { schema: emailChoicesResponse },
      success: [200, "Email choices"],
    },
  ),
  op(
    "GET",
    "/api/webhooks",
    "Notifications",
    "The webhooks in use (never their secret)",
    "settings.manage",
    { response: { schema: webhookResponse, list: true }, success: [200, "Webhooks"] },
  ),
  op("POST", "/api/webhooks", "Notifications", "Add a signed outbound webhook", "settings.manage", {
    body: webhookCreateSchema,
    response: { schema: webhookResponse },
    success: [201, "The webhook"],
    errors: ["URL_NOT_ALLOWED"],
  }),
  op(
    "DELETE",
    "/api/webhooks/{id}",
    "Notifications",
    "Remove a webhook (its log stays)",
    "settings.manage",
    { success: [204, "Removed"], errors: ["NOT_FOUND"] },
  ),
  op(
    "GET",
    "/api/webhooks/{id}/deliveries",
    "Notifications",
    "A webhook's deliveries, newest first",
    "settings.manage",
    {
      response: { schema: deliveryResponse, list: true },
      success: [200, "Deliveries"],
      errors: ["NOT_FOUND"],
      paged: true,
    },
  ),
  op(
    "POST",
    "/api/webhooks/{id}/test",
    "Notifications",
    "Queue a test event to one webhook",
    "settings.manage",
    {
      response: { schema: deliveryResponse },
      success: [202, "The queued delivery"],
      errors: ["NOT_FOUND"],
    },
  ),
  op(
    "GET",
    "/api/deliveries",
    "Notifications",
    "Emails held and deliveries failed",
    "settings.manage",
    {
      response: { schema: deliveryResponse, list: true },
      success: [200, "Deliveries"],
      paged: true,
    },
  ),
  op("GET", "/api/health", "Operations", "Liveness: the process serves requests", "public", {
    response: { schema: healthResponse },
    success: [200, "OK"],
  }),
  op(
    "GET",
    "/api/ready",
    "Operations",
    "Readiness: the database answers and has every migration of this build",
    "public",
    {
      response: { schema: readinessResponse },
      success: [200, "Ready"],
      alternative: { status: 503, description: "Not ready: the database or a migration missing" },
    },
  ),
  op("GET", "/api/openapi.json", "Operations", "This description", "public", {
    success: [200, "OpenAPI 3.1"],
  }),
];

function op(
  method: HttpMethod,
  path: string,
  tag: string,
  summary: string,
  access: Access,
  options: {
    query?: z.ZodObject;
    body?: z.ZodType;
    success: [number, string, string?];
    errors?: Operation["errors"];
    paged?: boolean;
    response?: Operation["response"];
    alternative?: Operation["alternative"];
  },
): Operation {
  const [status, description, contentType] = options.success;
  return {
    method,
    path,
    tag,
    summary,
    access,
    query: options.query,
    body: options.body,
    success: { status, description, contentType },
    errors: options.errors,
    paged: options.paged,
    response: options.response,
    alternative: options.alternative,
  };
}

type JsonSchema = Record<string, unknown>;

function inputSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
  }) as JsonSchema;
  return rest;
}

/** Who may call an operation, in words. */
function whoMay(access: Access): string {
  if (access === "public") return "Anyone.";
  if (access === "feed-token") return "The holder of the feed token in the address.";
  const rule = PERMISSIONS[access];
  const roles = rule.roles.length === 4 ? "every role" : rule.roles.join(", ");
  if (isSessionOnly(access)) {
    return `Permission \`${access}\` (${roles}); a signed-in browser session only, never an API token.`;
  }
  return `Permission \`${access}\` (${roles}); API tokens need ${rule.access} access.`;
}

function parametersOf(operation: Operation): JsonSchema[] {
  const fromPath = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => ({
    name: match[1],
    in: "path",
    required: true,
    schema: { type: "string" },
  }));
  const query = operation.query ? inputSchema(operation.query) : null;
  const properties = (query?.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((query?.required as string[] | undefined) ?? []);
  const fromQuery = Object.entries(properties).map(([name, schema]) => ({
    name,
    in: "query",
    required: required.has(name),
    schema,
  }));
  if (operation.access === "feed-token") {
    fromQuery.push({ name: "token", in: "query", required: true, schema: { type: "string" } });
    fromQuery.push({ name: "product", in: "query", required: false, schema: { type: "string" } });
  }
  return [...fromPath, ...fromQuery];
}

/** The id a response schema is registered under (`.meta({ id })`). */
function schemaId(schema: z.ZodType): string | undefined {
  return (z.globalRegistry.get(schema) as { id?: string } | undefined)?.id;
}

function successSchema(operation: Operation): JsonSchema {
  if (operation.success.contentType) return { type: "string" };
  if (!operation.response) return {};
  const id = schemaId(operation.response.schema);
  const one = id
    ? { $ref: `#/components/schemas/${id}` }
    : (z.toJSONSchema(operation.response.schema, { unrepresentable: "any" }) as JsonSchema);
  return operation.response.list ? { type: "array", items: one } : one;
}

/** The registered response schemas, as components. */
function responseComponents(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: "any",
  }) as { schemas: Record<string, JsonSchema> };
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _schema, $id: _id, ...schema }]) => [id, schema]),
  );
}

function responsesOf(operation: Operation): Record<string, JsonSchema> {
  const { status, description, contentType } = operation.success;
  const success: JsonSchema =
    status === 204
      ? { description }
      : {
          description,
          content: { [contentType ?? json]: { schema: successSchema(operation) } },
          ...(operation.paged && {
            headers: {
              Link: { description: 'rel="next" when more rows exist', schema: { type: "string" } },
              "X-Total-Count": { description: "All rows", schema: { type: "integer" } },
            },
          }),
        };
  const error = (text: string) => ({
    description: text,
    content: { [json]: { schema: { $ref: "#/components/schemas/Error" } } },
  });
  const responses: Record<string, JsonSchema> = { [String(status)]: success };
  if (operation.alternative) {
    responses[String(operation.alternative.status)] = {
      ...success,
      description: operation.alternative.description,
    };
  }
  if (operation.query || operation.body || operation.path.includes("{")) {
    responses["400"] = error(
      "Malformed input (VALIDATION_FAILED, MALFORMED_JSON, UNKNOWN_PARAMETER)",
    );
  }
  if (operation.access !== "public") {
    responses["401"] = error("Not signed in, or an invalid token");
    responses["403"] = error(
      "Not allowed (FORBIDDEN, TOKEN_SCOPE, SESSION_REQUIRED, CROSS_ORIGIN, …)",
    );
  }
  for (const code of operation.errors ?? []) {
    const kind = statusOfErrorCode(code);
    const key = String(kind);
    const existing = responses[key]?.description as string | undefined;
    responses[key] = error(existing ? `${existing}; ${code}` : code);
  }
  return responses;
}

/** The whole document. */
export function openApiDocument(serverUrl?: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const operation of OPERATIONS) {
    const entry: JsonSchema = {
      tags: [operation.tag],
      summary: operation.summary,
      description: whoMay(operation.access),
      operationId: `${operation.method.toLowerCase()}${operation.path
        .replace(/^\/api/, "")
        .replace(/[{}.]/g, "")
        .split(/[/-]/)
        .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
        .join("")}`,
      parameters: parametersOf(operation),
      responses: responsesOf(operation),
      ...(operation.access === "public" || operation.access === "feed-token"
        ? { security: [] }
        : {}),
    };
    if (operation.body) {
      entry.requestBody = {
        required: true,
        content: { [json]: { schema: inputSchema(operation.body) } },
      };
    }
    (paths[operation.path] ??= {})[operation.method.toLowerCase()] = entry;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Release Calendar API",
      version: "1.0.0",
      description:
        "Plan releases through DEV, TEST, LAST, INT, PREPROD and PROD; sign them off; report deployments. Dates are YYYY-MM-DD; errors are {error: {code, message, details}}.",
    },
    ...(serverUrl && { servers: [{ url: serverUrl }] }),
    security: [{ bearer: [] }, { session: [] }],
    tags: [...new Set(OPERATIONS.map((operation) => operation.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "An API token (rc_…) from Profile → API tokens; scopes read, write, deploy.",
        },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description: "The browser session after signing in.",
        },
      },
      schemas: {
        ...responseComponents(),
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: { type: "string", enum: [...ERROR_CODES] },
                message: { type: "string" },
                details: {},
              },
            },
          },
        },
      },
    },
  };
}

/** Operations that the route table has; for the test that keeps both equal. */
export function routeMethods(): string[] {
  return API_ROUTES.flatMap((route) =>
    route.path.startsWith("/api/auth/")
      ? []
      : route.methods.map((method) => `${method} ${route.path}`),
  ).sort();
}
