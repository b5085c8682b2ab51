// What is told to whom: webhook events derived from the audit trail (so every change that matters
// is announced from one place), the emails people may choose, the retry schedule of deliveries,
// and the text of each email.
import { formatDisplayDate, type IsoDate } from "./dates";
import type { AuditAction } from "./signoff";
import { STAGE_NAMES, type StageKey } from "./stages";

/** The events a webhook may subscribe to (API.md "Notifications and webhooks"). */
export const WEBHOOK_EVENTS = [
  "release.created",
  "release.replanned",
  "stage.opened",
  "stage.signed_off",
  "stage.rejected",
  "release.live",
  "release.at_risk",
  "deployment.recorded",
  "release.outcome",
  "exception.requested",
  "exception.approved",
  "exception.refused",
  "exception.expired",
  "promotion.pushed",
  "promotion.failed",
  "release.notes_published",
  "release.signal",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Events only people are told about, by email (from the daily schedule). */
export const REMINDER_EVENTS = ["approvals.overdue", "release.go_live_tomorrow"] as const;
/** Events only watchers are told about: a release held or cancelled, a watched go-live moved. */
export const WATCH_EVENTS = ["release.held", "release.cancelled", "release.moved"] as const;
export type WatchEvent = (typeof WATCH_EVENTS)[number];
export type OutboxEventName =
  WebhookEvent | (typeof REMINDER_EVENTS)[number] | (typeof WATCH_EVENTS)[number];

const EVENT_OF_AUDIT: Partial<Record<AuditAction, OutboxEventName>> = {
  RELEASE_CREATED: "release.created",
  RELEASE_REPLANNED: "release.replanned",
  STAGE_STARTED: "stage.opened",
  STAGE_SIGNED_OFF: "stage.signed_off",
  STAGE_REJECTED: "stage.rejected",
  RELEASE_LIVE: "release.live",
  DEPLOYMENT_RECORDED: "deployment.recorded",
  RELEASE_OUTCOME: "release.outcome",
  EXCEPTION_REQUESTED: "exception.requested",
  EXCEPTION_APPROVED: "exception.approved",
  EXCEPTION_REFUSED: "exception.refused",
  EXCEPTION_EXPIRED: "exception.expired",
  PROMOTION_PUSHED: "promotion.pushed",
  PROMOTION_FAILED: "promotion.failed",
  RELEASE_NOTES_PUBLISHED: "release.notes_published",
  RELEASE_HELD: "release.held",
  RELEASE_CANCELLED: "release.cancelled",
};

/** The event an audited change announces, if any. */
export function eventOfAudit(action: AuditAction): OutboxEventName | undefined {
  return EVENT_OF_AUDIT[action];
}

export const EMAIL_KINDS = [
  "approvalRequested",
  "rejected",
  "overdueReminder",
  "goLiveTomorrow",
  "atRisk",
  "gateException",
  "watchShipped",
  "watchChanged",
  "criticalSignal",
] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];
export type EmailPreferences = Record<EmailKind, boolean>;

export const EMAIL_KIND_NAMES: Record<EmailKind, { label: string; hint: string }> = {
  approvalRequested: {
    label: "A stage waits for my sign-off",
    hint: "When a stage opens that you may sign, or one you stand in for.",
  },
  rejected: { label: "A stage of my release is rejected", hint: "Releases you created or own." },
  overdueReminder: {
    label: "Daily reminder of overdue approvals",
    hint: "Each working morning while a stage you may sign is past its planned end.",
  },
  goLiveTomorrow: { label: "Go-live tomorrow", hint: "Releases you created or own." },
  atRisk: {
    label: "A release became at risk",
    hint: "Releases you created or own, when the forecast slips past the baseline.",
  },
  gateException: {
    label: "Exceptions to the deployment windows",
    hint: "Administrators: when one is asked for. Release managers: when theirs is decided or ends.",
  },
  criticalSignal: {
    label: "A critical alert fired while my release was observed",
    hint: "Releases you created or own, once per release: the first critical alert after go-live.",
  },
  watchShipped: {
    label: "What's new: a release I watch goes live",
    hint: "Releases you watch, and every release of the products you watch, with their notes.",
  },
  watchChanged: {
    label: "A release I watch moves, is at risk, on hold or cancelled",
    hint: "When its go-live moves by more working days than you tolerate (below).",
  },
};

/** Everyone is told everything until they say otherwise. */
export const DEFAULT_EMAIL_PREFERENCES: EmailPreferences = {
  approvalRequested: true,
  rejected: true,
  overdueReminder: true,
  goLiveTomorrow: true,
  atRisk: true,
  gateException: true,
  watchShipped: true,
  watchChanged: true,
  criticalSignal: true,
};

/** Which email watchers get of an outbox event, if any. */
export function watcherEmailKindOf(event: OutboxEventName): EmailKind | undefined {
  if (event === "release.live") return "watchShipped";
  if (event === "release.at_risk" || (WATCH_EVENTS as readonly string[]).includes(event))
    return "watchChanged";
  return undefined;
}

/** Which email an outbox event is, if people are told about it by email. */
export function emailKindOf(event: OutboxEventName): EmailKind | undefined {
  const kinds: Partial<Record<OutboxEventName, EmailKind>> = {
    "stage.opened": "approvalRequested",
    "stage.rejected": "rejected",
    "approvals.overdue": "overdueReminder",
    "release.go_live_tomorrow": "goLiveTomorrow",
    "release.at_risk": "atRisk",
    "exception.requested": "gateException",
    "exception.approved": "gateException",
    "exception.refused": "gateException",
    "exception.expired": "gateException",
    "release.signal": "criticalSignal",
  };
  return kinds[event];
}

/**
 * Seconds to wait before each retry: the first within 10 s, the second within 30 s after that,
 * then growing; after the last attempt a delivery has failed.
 */
export const RETRY_DELAYS_SECONDS = [5, 20, 60, 300, 900] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;

/** When to try again after `attempts` failed attempts, or null when it is time to give up. */
export function retryAt(attempts: number, failedAt: Date): Date | null {
  const delay = RETRY_DELAYS_SECONDS[attempts - 1];
  if (attempts >= MAX_ATTEMPTS || delay === undefined) return null;
  return new Date(failedAt.getTime() + delay * 1000);
}

/** A 2xx answer is a delivery; anything else (or no answer) is retried. */
export function isDelivered(status: number | null): boolean {
  return status !== null && status >= 200 && status < 300;
}

export type EmailContext = {
  recipientName: string;
  release: { name: string; version: string; forecastGoLive: IsoDate };
  stage?: StageKey | null;
  url: string;
  comment?: string | null;
  actorName?: string | null;
  /** Deputy emails: the absent person the recipient stands in for. */
  onBehalfOf?: string | null;
  slipWorkingDays?: number;
  /** Gate exceptions: what became of it, and the time it covers in words. */
  exception?: { event: "requested" | "approved" | "refused" | "expired"; period: string } | null;
  /** Watchers: what happened to the release they watch, and why they hear of it. */
  watch?: {
    event: "live" | "at_risk" | "held" | "cancelled" | "moved";
    /** "Payments API" (a product they watch) or null (the release itself). */
    product: string | null;
    /** Moves: the go-live they last heard of, and by how many working days it moved. */
    from?: IsoDate;
    workingDays?: number;
  } | null;
  /** A critical signal: what fired, and where to see it. */
  signal?: { summary: string; url: string | null } | null;
  /** The release notes (sanitised HTML and plain text), for the go-live email. */
  notes?: { html: string; text: string } | null;
};

export type RenderedEmail = { subject: string; text: string; html: string };

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** The lines of each email: a subject, what happened, what to do. */
function linesOf(kind: EmailKind, context: EmailContext): { subject: string; lines: string[] } {
  const { release } = context;
  const title = `${release.name} (${release.version})`;
  const stage = context.stage ? STAGE_NAMES[context.stage] : "";
  const goLive = formatDisplayDate(release.forecastGoLive);
  switch (kind) {
    case "approvalRequested":
      return {
        subject: `Sign-off needed: ${stage} of ${release.name}`,
        lines: [
          `${stage} of ${title} is open and waits for a sign-off${context.onBehalfOf ? ` you may give for ${context.onBehalfOf}` : ""}.`,
          `Go-live: ${goLive}.`,
        ],
      };
    case "rejected":
      return {
        subject: `Rejected: ${stage} of ${release.name}`,
        lines: [
          `${context.actorName ?? "Someone"} rejected ${stage} of ${title}.`,
          ...(context.comment ? [`“${context.comment}”`] : []),
          "A release manager reopens the stage once the problem is fixed.",
        ],
      };
    case "overdueReminder":
      return {
        subject: `Overdue: ${stage} of ${release.name} waits for your sign-off`,
        lines: [
          `${stage} of ${title} is past its planned end and still waits for a sign-off${context.onBehalfOf ? ` you may give for ${context.onBehalfOf}` : ""}.`,
          `Every day it stays open moves the go-live (now ${goLive}).`,
        ],
      };
    case "goLiveTomorrow":
      return {
        subject: `Go-live tomorrow: ${release.name}`,
        lines: [`${title} goes live tomorrow, ${goLive}.`],
      };
    case "atRisk":
      return {
        subject: `At risk: ${release.name}`,
        lines: [
          `${title} is at risk: the forecast go-live is ${goLive}${context.slipWorkingDays ? `, ${context.slipWorkingDays} working days after the baseline` : ""}.`,
        ],
      };
    case "gateException": {
      const event = context.exception?.event ?? "requested";
      const period = context.exception?.period ?? "";
      const actor = context.actorName ?? "Someone";
      const said = context.comment ? [`“${context.comment}”`] : [];
      const lines: Record<typeof event, { subject: string; lines: string[] }> = {
        requested: {
          subject: `Exception asked: ${stage} of ${release.name}`,
          lines: [
            `${actor} asks to deploy ${title} to ${stage} outside the deployment windows, ${period}.`,
            ...said,
            "An administrator or another release manager approves or refuses it on the release's page.",
          ],
        },
        approved: {
          subject: `Exception approved: ${stage} of ${release.name}`,
          lines: [`${actor} approved deploying ${title} to ${stage}, ${period}.`, ...said],
        },
        refused: {
          subject: `Exception refused: ${stage} of ${release.name}`,
          lines: [`${actor} refused deploying ${title} to ${stage}, ${period}.`, ...said],
        },
        expired: {
          subject: `Exception ended: ${stage} of ${release.name}`,
          lines: [
            `The exception for ${title} in ${stage} (${period}) has ended: the deployment windows apply again.`,
          ],
        },
      };
      return lines[event];
    }
    case "watchShipped":
      return {
        subject: `What's new in ${release.name} ${release.version}`,
        lines: [
          `${title} is live since ${goLive}.`,
          ...(context.notes ? [] : ["No release notes were written for it."]),
        ],
      };
    case "watchChanged":
      return watchChangeLines(context, title, goLive);
    case "criticalSignal":
      return {
        subject: `Critical alert: ${release.name} under observation`,
        lines: [
          `A critical alert fired in production while ${title} was under observation: “${context.signal?.summary ?? "an alert"}”.`,
          ...(context.signal?.url ? [`Where it fired: ${context.signal.url}`] : []),
          "Look at the signals on the release page before you record the outcome: keep, roll back or roll forward.",
        ],
      };
  }
}

function watchChangeLines(
  context: EmailContext,
  title: string,
  goLive: string,
): { subject: string; lines: string[] } {
  const { release, watch, comment } = context;
  const said = comment ? [`“${comment}”`] : [];
  switch (watch?.event) {
    case "moved": {
      const days = Math.abs(watch.workingDays ?? 0);
      const direction = (watch.workingDays ?? 0) > 0 ? "later" : "earlier";
      return {
        subject: `Moved: ${release.name} now goes live ${goLive}`,
        lines: [
          `${title} now goes live ${goLive}, ${days} working ${days === 1 ? "day" : "days"} ${direction} than ${watch.from ? formatDisplayDate(watch.from) : "before"}.`,
        ],
      };
    }
    case "held":
      return {
        subject: `On hold: ${release.name}`,
        lines: [`${title} is on hold; its go-live (${goLive}) waits until it is resumed.`, ...said],
      };
    case "cancelled":
      return {
        subject: `Cancelled: ${release.name}`,
        lines: [`${title} is cancelled: it will not go live.`, ...said],
      };
    default:
      return {
        subject: `At risk: ${release.name}`,
        lines: [
          `${title} is at risk: the forecast go-live is ${goLive}${context.slipWorkingDays ? `, ${context.slipWorkingDays} working days after the plan` : ""}.`,
        ],
      };
  }
}

/** A plain text and an HTML version of one email, with a link to the release. */
export function renderEmail(kind: EmailKind, context: EmailContext): RenderedEmail {
  const { subject, lines } = linesOf(kind, context);
  const greeting = `Hello ${context.recipientName},`;
  const footer = context.watch
    ? `You get this email because you watch ${context.watch.product ?? "this release"} in Release Calendar. Stop watching on its page or on your profile.`
    : "You get this email from Release Calendar. Choose which emails you get on your profile.";
  const notes = kind === "watchShipped" ? context.notes : null;
  const text = [
    greeting,
    "",
    ...lines,
    ...(notes ? ["", notes.text] : []),
    "",
    `Open the release: ${context.url}`,
    "",
    "--",
    footer,
  ].join("\n");
  const html = [
    `<!doctype html><html><body style="font-family: system-ui, sans-serif; color: #111827; line-height: 1.5">`,
    `<p>${escapeHtml(greeting)}</p>`,
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    // Sanitised by lib/domain/markdown.ts, as on the release page.
    ...(notes
      ? [`<div style="border-left: 3px solid #e5e7eb; padding-left: 12px">${notes.html}</div>`]
      : []),
    `<p><a href="${escapeHtml(context.url)}" style="display: inline-block; padding: 8px 14px; background: #1d4ed8; color: #ffffff; border-radius: 6px; text-decoration: none">Open the release</a></p>`,
    `<p style="color: #6b7280; font-size: 12px">${escapeHtml(footer)}</p>`,
    `</body></html>`,
  ].join("\n");
  return { subject, text, html };
}
