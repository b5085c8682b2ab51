import { expect, request as playwrightRequest, test } from "@playwright/test";

import { signInAs } from "../fixtures/auth";
import { expectNoSeriousA11yViolations } from "../fixtures/axe";
import { timelineRow } from "../fixtures/releases";

// A pipeline reports deployments with a deploy token; the release page shows them in a table, the
// stage shows its latest, and a build that is not the release's is flagged loudly, on the page and
// on the timeline.

const digest = (char: string) => `sha256:${char.repeat(64)}`;

test("deployments from a pipeline: the table, the stage's latest, and an artifact mismatch", async ({
  browser,
  baseURL,
}) => {
  const suffix = Date.now().toString(36);
  const rita = await browser.newContext();
  await signInAs(rita, "rm");
  // A demo release whose build has not been deployed yet (a new one would change the list's
  // count that other journeys rely on).
  const found = await rita.request.get("/api/releases?q=Customer%20Portal%202027.02");
  const [release] = (await found.json()) as { id: string; version: string }[];
  const { version } = release!;

  // Rita creates a deploy token for the pipeline; the pipeline uses it without a session.
  const created = await rita.request.post("/api/me/tokens", {
    data: { name: `Pipeline ${suffix}`, scope: "deploy" },
  });
  expect(created.status()).toBe(201);
  const { token } = (await created.json()) as { token: string };
  const pipeline = await playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${token}` },
  });
  const report = (data: Record<string, unknown>) =>
    pipeline.post("/api/deployments", {
      data: { version, source: "argocd", ...data },
    });

  const dev = await report({
    environment: "DEV",
    status: "SUCCEEDED",
    digest: digest("a"),
    url: "https://argocd.example.com/applications/portal-dev",
  });
  expect(dev.status()).toBe(201);
  const rebuilt = await report({ environment: "DEV", status: "SUCCEEDED", digest: digest("b") });
  expect(rebuilt.status()).toBe(409);
  expect(((await rebuilt.json()) as { error: { code: string } }).error.code).toBe(
    "ARTIFACT_MISMATCH",
  );
  // A deploy token reads nothing.
  expect((await pipeline.get(`/api/releases/${release!.id}`)).status()).toBe(403);

  const page = await rita.newPage();
  await page.goto(`/releases/${release!.id}`);
  const warning = page.getByTestId("deployment-warning");
  await expect(warning).toContainText("Artifact mismatch in DEV");
  await expect(warning).toContainText("sha256:bbbbbbbbbbb");
  await expect(page.getByTestId("stage-DEV").getByTestId("last-deployment")).toContainText(
    "Artifact mismatch",
  );
  const rows = page.getByTestId("deployment-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("Artifact mismatch");
  await expect(rows.nth(1)).toContainText("Succeeded");
  await expect(rows.nth(1).getByRole("link", { name: "argocd" })).toHaveAttribute(
    "href",
    "https://argocd.example.com/applications/portal-dev",
  );
  await expect(
    page.getByTestId("audit-event").filter({ hasText: "reported a deployment to DEV" }),
  ).toHaveCount(2);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: "e2e/screenshots/deployments.png", fullPage: true });

  // The right build again: the environment is clean, the page calm; the history stays.
  expect(
    (await report({ environment: "DEV", status: "SUCCEEDED", digest: digest("a") })).status(),
  ).toBe(201);
  await page.reload();
  await expect(page.getByTestId("deployment-warning")).toHaveCount(0);
  await expect(page.getByTestId("deployment-row")).toHaveCount(3);
  await pipeline.dispose();
});

test("the timeline flags the release whose environment runs another build", async ({ browser }) => {
  const context = await browser.newContext();
  await signInAs(context, "viewer");
  const page = await context.newPage();
  await page.goto("/timeline");
  // The demo's Partner Gateway 1.12.0 got another build in PREPROD.
  const row = timelineRow(page, "Partner Gateway 1.12.0");
  await expect(row.getByTestId("deployment-flag")).toBeVisible();
  await expect(row.getByTestId("deployment-flag")).toHaveAttribute("title", /Artifact mismatch/);
});
