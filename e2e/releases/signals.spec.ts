import { type BrowserContext, expect, test } from "@playwright/test";

import { signInAs } from "../fixtures/auth";
import { expectNoSeriousA11yViolations } from "../fixtures/axe";
import { planRelease } from "../fixtures/releases";

// Production signals: a release goes live, Alertmanager reports a critical alert for its product in
// production; the release page shows it during the observation, and the outcome dialog suggests
// rolling back or forward — the release manager decides.

/** Signs the stages off as the rules want them: QA four times, two QA for PREPROD, another manager for PROD. */
async function takeLive(releaseId: string, people: Record<"qa" | "qa2" | "rm2", BrowserContext>) {
  const order = [
    ["DEV", "qa"],
    ["TEST", "qa"],
    ["LAST", "qa"],
    ["INT", "qa"],
    ["PREPROD", "qa"],
    ["PREPROD", "qa2"],
    ["PROD", "rm2"],
  ] as const;
  for (const [stage, who] of order) {
    const answer = await people[who].request.post(
      `/api/releases/${releaseId}/stages/${stage}/signoff`,
      { data: { decision: "APPROVE" } },
    );
    expect(answer.status(), `${stage} by ${who}`).toBe(200);
  }
}

test("a critical alert during observation shows on the release and the outcome dialog suggests", async ({
  browser,
  page,
  context,
}) => {
  test.setTimeout(60_000);
  await signInAs(context, "rm");
  const suffix = Date.now().toString(36);
  const key = `checkout-${suffix}`;
  expect(
    (
      await context.request.post("/api/products", { data: { key, name: `Checkout ${suffix}` } })
    ).status(),
  ).toBe(201);
  const release = await planRelease(context.request, {
    name: `Checkout ${suffix} 7.1`,
    version: `checkout:7.1.${suffix}`,
    type: "RELEASE",
    product: key,
  });
  const people = {
    qa: await browser.newContext(),
    qa2: await browser.newContext(),
    rm2: await browser.newContext(),
  };
  await signInAs(people.qa, "qa");
  await signInAs(people.qa2, "qa2");
  await signInAs(people.rm2, "rm2");
  await takeLive(release.id, people);
  await Promise.all(Object.values(people).map((person) => person.close()));

  // Alertmanager's webhook, as it posts a firing alert and a warning already resolved. They start
  // now: earlier could be the day before the go-live just after midnight (company time).
  const startsAt = new Date().toISOString();
  const posted = await context.request.post("/api/signals/alertmanager", {
    data: {
      version: "4",
      status: "firing",
      receiver: "release-calendar",
      alerts: [
        {
          status: "firing",
          labels: {
            alertname: "CheckoutErrors",
            service: key,
            env: "production",
            severity: "critical",
          },
          annotations: { summary: "Checkout 5xx above 2% for 10 minutes" },
          startsAt,
          endsAt: "0001-01-01T00:00:00Z",
          generatorURL: "https://prometheus.example.com/graph?g0.expr=checkout_errors",
          fingerprint: `e2e-${suffix}-1`,
        },
        {
          status: "resolved",
          labels: {
            alertname: "SlowCheckout",
            service: key,
            env: "production",
            severity: "warning",
          },
          annotations: { summary: "p95 latency above 800 ms" },
          startsAt,
          endsAt: startsAt,
          fingerprint: `e2e-${suffix}-2`,
        },
      ],
    },
  });
  expect(await posted.json()).toEqual({ received: 2, matched: 2 });

  await page.goto(`/releases/${release.id}`);
  const panel = page.getByRole("region", { name: "Signals during observation" });
  await expect(panel.getByTestId("signal")).toHaveCount(2);
  await expect(panel.getByTestId("signal").first()).toContainText(
    "Checkout 5xx above 2% for 10 minutes",
  );
  await expect(panel.getByTestId("signal").first()).toContainText(/firing for \d+ min/);
  await expect(panel.getByTestId("signal").nth(1)).toContainText("fired 0 min");
  await expect(panel.getByRole("link", { name: "Source" })).toHaveAttribute(
    "href",
    "https://prometheus.example.com/graph?g0.expr=checkout_errors",
  );
  await expect(panel.getByTestId("signal-counts")).toContainText("1 critical");
  await expectNoSeriousA11yViolations(page);
  await panel.screenshot({ path: "e2e/screenshots/release-signals.png" });

  await page.getByRole("button", { name: "Record outcome" }).click();
  const dialog = page.getByRole("dialog", { name: `Outcome of ${release.name}` });
  await expect(dialog.getByTestId("outcome-suggestion")).toHaveText(
    "1 critical alert fired during observation (1 still firing). You decide; the signals only suggest.",
  );
  await expect(dialog.getByText("signals suggest")).toHaveCount(2);
  await expectNoSeriousA11yViolations(page);
  await dialog.screenshot({ path: "e2e/screenshots/outcome-suggestion.png" });
});
