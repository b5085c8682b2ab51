import { describe, expect, it } from "vitest";

import {
  emailKindOf,
  eventOfAudit,
  isDelivered,
  MAX_ATTEMPTS,
  renderEmail,
  retryAt,
  watcherEmailKindOf,
  WEBHOOK_EVENTS,
} from "./notifications";

describe("events of the audit trail", () => {
  it("announce what matters and nothing else", () => {
    expect(eventOfAudit("STAGE_STARTED")).toBe("stage.opened");
    expect(eventOfAudit("STAGE_SIGNED_OFF")).toBe("stage.signed_off");
    expect(eventOfAudit("RELEASE_LIVE")).toBe("release.live");
    expect(eventOfAudit("DEPLOYMENT_RECORDED")).toBe("deployment.recorded");
    expect(eventOfAudit("STAGE_APPROVED")).toBeUndefined();
    expect(eventOfAudit("RELEASE_NOTES_PUBLISHED")).toBe("release.notes_published");
    expect(eventOfAudit("RELEASE_NOTES_UPDATED")).toBeUndefined();
    expect(eventOfAudit("RELEASE_UPDATED")).toBeUndefined();
    // Held and cancelled are told to watchers only, never to webhooks.
    expect(eventOfAudit("RELEASE_HELD")).toBe("release.held");
    expect(WEBHOOK_EVENTS).not.toContain("release.held");
  });

  it("tell watchers what ships and what changes", () => {
    expect(watcherEmailKindOf("release.live")).toBe("watchShipped");
    for (const event of [
      "release.at_risk",
      "release.held",
      "release.cancelled",
      "release.moved",
    ] as const)
      expect(watcherEmailKindOf(event)).toBe("watchChanged");
    expect(watcherEmailKindOf("stage.opened")).toBeUndefined();
  });

  it("put the notes into the go-live email a watcher gets, and say why they get it", () => {
    const email = renderEmail("watchShipped", {
      recipientName: "Sam",
      release: { name: "Payments API", version: "3.4.0", forecastGoLive: "2027-03-03" },
      url: "https://rc.example/releases/1",
      notes: { html: "<h3>Fixes</h3><ul><li>round</li></ul>", text: "Fixes\n• round" },
      watch: { event: "live", product: "Payments API" },
    });
    expect(email.subject).toBe("What's new in Payments API 3.4.0");
    expect(email.html).toContain("<h3>Fixes</h3><ul><li>round</li></ul>");
    expect(email.text).toContain("Fixes\n• round");
    expect(email.text).toContain("because you watch Payments API");
    const moved = renderEmail("watchChanged", {
      recipientName: "Sam",
      release: { name: "Payments API", version: "3.4.0", forecastGoLive: "2027-03-10" },
      url: "https://rc.example/releases/1",
      watch: { event: "moved", product: null, from: "2027-03-03", workingDays: 5 },
    });
    expect(moved.subject).toBe("Moved: Payments API now goes live Wed 10 Mar 2027");
    expect(moved.text).toContain("5 working days later than Wed 3 Mar 2027");
    expect(moved.text).toContain("because you watch this release");
  });

  it("become emails only where people are told", () => {
    expect(emailKindOf("stage.opened")).toBe("approvalRequested");
    expect(emailKindOf("stage.rejected")).toBe("rejected");
    expect(emailKindOf("approvals.overdue")).toBe("overdueReminder");
    expect(emailKindOf("release.go_live_tomorrow")).toBe("goLiveTomorrow");
    expect(emailKindOf("release.at_risk")).toBe("atRisk");
    expect(emailKindOf("release.created")).toBeUndefined();
  });
});

describe("retries", () => {
  const failedAt = new Date("2027-03-03T10:00:00Z");
  const secondsAfter = (attempts: number) =>
    ((retryAt(attempts, failedAt)?.getTime() ?? Number.NaN) - failedAt.getTime()) / 1000;

  it("the first within 10 s, the second within 30 s after that, growing", () => {
    expect(secondsAfter(1)).toBeLessThanOrEqual(10);
    expect(secondsAfter(2)).toBeLessThanOrEqual(30);
    const delays = [1, 2, 3, 4, 5].map(secondsAfter);
    expect([...delays].sort((a, b) => a - b)).toEqual(delays);
  });

  it("at least 5 attempts, then give up", () => {
    expect(MAX_ATTEMPTS).toBeGreaterThanOrEqual(5);
    expect(retryAt(MAX_ATTEMPTS - 1, failedAt)).not.toBeNull();
    expect(retryAt(MAX_ATTEMPTS, failedAt)).toBeNull();
  });

  it("only a 2xx answer is delivered", () => {
    expect([200, 204, 299].every(isDelivered)).toBe(true);
    expect([null, 199, 301, 404, 500].some(isDelivered)).toBe(false);
  });
});

describe("emails", () => {
  const context = {
    recipientName: "Quinn",
    release: { name: "Payments <API>", version: "3.4.0", forecastGoLive: "2027-03-15" },
    stage: "TEST" as const,
    url: "https://releases.example.com/releases/1",
  };

  it("have a subject, a text and an HTML body with the link, the HTML escaped", () => {
    const email = renderEmail("approvalRequested", { ...context, onBehalfOf: "Kim" });
    expect(email.subject).toBe("Sign-off needed: Test of Payments <API>");
    expect(email.text).toContain("Hello Quinn,");
    expect(email.text).toContain("you may give for Kim");
    expect(email.text).toContain("Go-live: Mon 15 Mar 2027.");
    expect(email.text).toContain("Open the release: https://releases.example.com/releases/1");
    expect(email.html).toContain("Payments &lt;API&gt;");
    expect(email.html).not.toContain("<API>");
    expect(email.html).toContain('href="https://releases.example.com/releases/1"');
  });

  it("say who rejected and why", () => {
    const email = renderEmail("rejected", { ...context, actorName: "Kim", comment: "Fails" });
    expect(email.text).toContain("Kim rejected Test");
    expect(email.text).toContain("“Fails”");
  });
});
