import { formatDisplayDate, isIsoDate } from "@/lib/domain/dates";
import type { AuditEventDto } from "@/lib/types/release";

import { LocalTime } from "../ui/local-time";

const ACTION_TEXT: Record<AuditEventDto["action"], string> = {
  RELEASE_CREATED: "created the release",
  RELEASE_UPDATED: "edited the release",
  RELEASE_REPLANNED: "re-planned the release",
  RELEASE_HELD: "put the release on hold",
  RELEASE_RESUMED: "resumed the release",
  RELEASE_CANCELLED: "cancelled the release",
  RELEASE_LIVE: "confirmed the go-live: the release is live",
  STAGE_APPROVED: "approved",
  STAGE_REJECTED: "rejected",
  STAGE_REOPENED: "reopened",
  STAGE_SIGNED_OFF: "signed off",
  STAGE_STARTED: "opened",
  SETTINGS_CHANGED: "changed the settings",
  USER_CREATED: "added the user",
  USER_UPDATED: "changed the user",
  USER_PASSWORD_SET: "set the password",
  USER_PASSWORD_RESET: "reset the password",
  TOKEN_CREATED: "created an API token",
  TOKEN_REVOKED: "revoked an API token",
  PRODUCT_CREATED: "created the product",
  PRODUCT_UPDATED: "changed the product",
  APPROVERS_CHANGED: "named the approvers",
  TRAIN_CHANGED: "changed the release train",
  DELEGATION_CREATED: "named a deputy",
  DELEGATION_ENDED: "ended a delegation",
  RELEASE_OUTCOME: "recorded the outcome after go-live",
  ROLLOUT_PLANNED: "planned the rollout",
  ROLLOUT_STEP_DONE: "marked a rollout step done",
  DEPLOYMENT_RECORDED: "reported a deployment to",
  WINDOW_CHANGED: "changed a deployment window",
  EXCEPTION_REQUESTED: "asked for a gate exception in",
  EXCEPTION_APPROVED: "approved the gate exception in",
  EXCEPTION_REFUSED: "refused the gate exception in",
  EXCEPTION_EXPIRED: "ended the gate exception in",
  GITOPS_CHANGED: "changed the GitOps target",
  SIGNAL_MATCHING_CHANGED: "changed how alerts name the product",
  PROMOTION_REQUESTED: "asked for a promotion to",
  PROMOTION_PUSHED: "pushed the promotion to",
  PROMOTION_FAILED: "could not push the promotion to",
  RELEASE_NOTES_UPDATED: "wrote the release notes",
  RELEASE_NOTES_PUBLISHED: "published the release notes",
};

/** The absent person a deputy decided for, as the audit event recorded them. */
function deputyFor(after: unknown): string | undefined {
  const onBehalfOf = (after as { onBehalfOf?: { name?: unknown } } | null)?.onBehalfOf;
  return typeof onBehalfOf?.name === "string" ? onBehalfOf.name : undefined;
}

function describeValue(value: unknown): string {
  if (typeof value === "string" && isIsoDate(value)) return formatDisplayDate(value);
  if (value === null || value === undefined || value === "") return "—";
  return String(value);
}

/** "forecastGoLive: Thu 15 Apr 2027 → Tue 20 Apr 2027" for the fields a change touched. */
function describeChange(before: unknown, after: unknown): string[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const labels: Record<string, string> = {
    forecastGoLive: "Forecast go-live",
    baselineGoLive: "Baseline go-live",
    goLive: "Go-live",
    start: "DEV start",
    actualStart: "Actual start",
    actualEnd: "Actual end",
    name: "Name",
    version: "Version",
    digest: "Digest",
    description: "Description",
    region: "Region",
    product: "Product",
    status: "Status",
    approvals: "Approvals",
    approvalRound: "Approval round",
    stage: "Stage",
    stageEnd: "Stage end",
    source: "Source",
    learnedDigest: "Digest learned",
  };
  return Object.keys({ ...b, ...a })
    .filter((key) => key in labels)
    .map((key) =>
      key in b && key in a
        ? `${labels[key]}: ${describeValue(b[key])} → ${describeValue(a[key])}`
        : key in a
          ? `${labels[key]}: ${describeValue(a[key])}${key === "approvals" && "approvalsRequired" in a ? ` of ${String(a.approvalsRequired)}` : ""}`
          : `${labels[key]} was ${describeValue(b[key])}`,
    );
}

/** The release's audit trail: who did what when, with comments and what changed. Oldest first. */
export function AuditTrail({ events }: { events: AuditEventDto[] }) {
  return (
    <ol className="relative space-y-4 border-l border-border pl-5" aria-label="Audit trail">
      {events.map((event) => (
        <li
          key={event.id}
          className="relative"
          data-testid="audit-event"
          data-action={event.action}
        >
          <span
            aria-hidden
            className="absolute top-1.5 -left-[1.42rem] size-2 rounded-full bg-border-strong ring-2 ring-surface"
          />
          <p className="text-sm text-fg">
            <span className="font-medium">{event.actor?.name ?? "System"}</span>{" "}
            {ACTION_TEXT[event.action]}
            {event.stageKey && <span className="font-medium"> {event.stageKey}</span>}
            {deputyFor(event.after) && (
              <span data-testid="audit-deputy">
                {" "}
                as deputy for <span className="font-medium">{deputyFor(event.after)}</span>
              </span>
            )}
          </p>
          <LocalTime iso={event.at} className="text-xs text-muted" />
          {describeChange(event.before, event.after).map((line) => (
            <p key={line} className="text-xs text-muted tabular">
              {line}
            </p>
          ))}
          {event.comment && (
            <p className="mt-1 rounded-md bg-surface-muted px-2.5 py-1.5 text-sm text-fg">
              {event.comment}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
