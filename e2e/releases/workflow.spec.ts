import { type Browser, expect, type Page, test } from "@playwright/test";

import type { DemoUserKey } from "../../lib/demo-users";
import { signInAs } from "../fixtures/auth";

test.describe.configure({ mode: "serial" });

async function pageAs(browser: Browser, user: DemoUserKey): Promise<Page> {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    locale: "en-GB",
    timezoneId: "America/Los_Angeles",
    viewport: { width: 1440, height: 900 },
  });
  await signInAs(context, user);
  return context.newPage();
}

function stage(page: Page, key: string) {
  return page.getByTestId(`stage-${key}`);
}

async function decide(
  page: Page,
  key: string,
  decision: "Sign off" | "Confirm go-live" | "Reject" | "Reopen",
  comment?: string,
) {
  await stage(page, key).getByRole("button", { name: decision }).click();
  const dialog = page.getByRole("alertdialog");
  if (comment) await dialog.getByRole("textbox").fill(comment);
  await dialog.getByRole("button", { name: decision }).click();
  await expect(dialog).toBeHidden();
}

let releaseUrl = "";
const NAME = `Checkout ${Date.now().toString(36)}`;

test("a release manager plans a new release with the form", async ({ browser }) => {
  const page = await pageAs(browser, "rm");
  await page.goto("/releases");
  await page.getByRole("link", { name: "New release" }).click();
  await expect(page.getByRole("heading", { name: "New release or patch" })).toBeVisible();

  await page.getByRole("button", { name: "Plan release" }).isDisabled();
  await page.getByLabel("Name").fill(NAME);
  await page.getByLabel("Version / artifact tag").fill("checkout-web:3.0.0");
  await page.getByLabel("Digest (optional)").fill("not a digest");
  // Wait for the calendar to know its non-working days (the page is interactive then), then pick a
  // go-live about three months ahead: the first possible day from the 10th of that month.
  await expect(page.locator("[data-date][aria-disabled]").first()).toBeAttached();
  for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Next month" }).click();
  const day = page
    .locator("[data-date]:not([aria-disabled])")
    .filter({ hasText: /^(1[0-9]|2[0-4])$/ })
    .first();
  await expect(day).toBeVisible();
  await day.click();
  await expect(page.getByTestId("plan-stage")).toHaveCount(6);
  await page.getByRole("button", { name: "Plan release" }).click();
  await expect(page.getByText("Write the digest as algorithm:hex")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue(NAME);

  await page.getByLabel("Digest (optional)").fill("");
  await page.getByRole("button", { name: "Plan release" }).click();
  await expect(page.getByRole("heading", { name: NAME })).toBeVisible();
  releaseUrl = new URL(page.url()).pathname;
  expect(releaseUrl).toMatch(/^\/releases\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("audit-event").first()).toContainText(
    "Rita Manning created the release",
  );
  await page.screenshot({ path: "e2e/screenshots/release-new.png", fullPage: true });
  await page.context().close();
});

test("QA signs off DEV and TEST, then rejects LAST with a comment", async ({ browser }) => {
  const page = await pageAs(browser, "qa");
  await page.goto(releaseUrl);
  await decide(page, "DEV", "Sign off");
  await expect(stage(page, "DEV")).toContainText("Signed off");
  await expect(stage(page, "DEV")).toContainText("Approved by Quinn Adler");
  await decide(page, "TEST", "Sign off", "Regression suite green");
  await expect(stage(page, "TEST")).toContainText("Regression suite green");

  await stage(page, "LAST").getByRole("button", { name: "Reject" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog.getByRole("button", { name: "Reject" })).toBeDisabled();
  await dialog.getByRole("textbox").fill("p95 latency 2.3 s under load, target 800 ms");
  await dialog.getByRole("button", { name: "Reject" }).click();
  await expect(stage(page, "LAST")).toContainText("Rejected");
  await expect(stage(page, "LAST")).toContainText("p95 latency 2.3 s under load");
  await expect(stage(page, "LAST").getByRole("button", { name: "Sign off" })).toHaveCount(0);
  await expect(stage(page, "LAST").getByRole("button", { name: "Reopen" })).toHaveCount(0);
  await page.context().close();
});

test("the release manager reopens LAST; QA passes LAST and INT", async ({ browser }) => {
  const rm = await pageAs(browser, "rm");
  await rm.goto(releaseUrl);
  await decide(rm, "LAST", "Reopen", "Connection pool size fixed in 3.0.0 config");
  await expect(stage(rm, "LAST")).toContainText("Active");
  await rm.context().close();

  const qa = await pageAs(browser, "qa");
  await qa.goto("/approvals");
  const item = qa.getByTestId("approval-item").filter({ hasText: NAME });
  await expect(item).toContainText("Load test");
  await expect(qa.getByTestId("approval-count")).toBeVisible();
  await qa.screenshot({ path: "e2e/screenshots/my-approvals.png", fullPage: true });
  await item.getByRole("button", { name: "Sign off" }).click();
  await qa.getByRole("alertdialog").getByRole("button", { name: "Sign off" }).click();
  await expect(qa.getByTestId("approval-item").filter({ hasText: NAME })).toContainText(
    "Integration",
  );

  await qa.goto(releaseUrl);
  await decide(qa, "INT", "Sign off");
  await expect(stage(qa, "PREPROD")).toContainText("Needs 2 more approvals");
  await qa.context().close();
});

test("PREPROD needs two people and refuses its creator", async ({ browser }) => {
  const rm = await pageAs(browser, "rm");
  await rm.goto(releaseUrl);
  await expect(stage(rm, "PREPROD")).toContainText("not the release's creator");
  await expect(stage(rm, "PREPROD").getByRole("button", { name: "Sign off" })).toHaveCount(0);
  const id = releaseUrl.split("/").at(-1);
  const refused = await rm
    .context()
    .request.post(`/api/releases/${id}/stages/PREPROD/signoff`, { data: { decision: "APPROVE" } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe("FOUR_EYES");
  await rm.context().close();

  const qa = await pageAs(browser, "qa");
  await qa.goto(releaseUrl);
  await decide(qa, "PREPROD", "Sign off");
  await expect(stage(qa, "PREPROD")).toContainText("Needs 1 more approval");
  await expect(stage(qa, "PREPROD").getByRole("button", { name: "Sign off" })).toHaveCount(0);
  await qa.context().close();

  const qa2 = await pageAs(browser, "qa2");
  await qa2.goto(releaseUrl);
  await decide(qa2, "PREPROD", "Sign off");
  await expect(stage(qa2, "PREPROD")).toContainText("Signed off");
  await qa2.context().close();
});

test("a second release manager confirms PROD and the release is live", async ({ browser }) => {
  const rm = await pageAs(browser, "rm");
  await rm.goto(releaseUrl);
  await expect(stage(rm, "PROD").getByRole("button", { name: "Confirm go-live" })).toHaveCount(0);
  await rm.context().close();

  const rm2 = await pageAs(browser, "rm2");
  await rm2.goto(releaseUrl);
  await decide(rm2, "PROD", "Confirm go-live", "Smoke tests green, monitoring quiet");
  await expect(rm2.getByText("Live", { exact: true }).first()).toBeVisible();
  await expect(rm2.getByTestId("audit-event").last()).toContainText("confirmed the go-live");
  await rm2.screenshot({ path: "e2e/screenshots/release-live.png", fullPage: true });
  await rm2.context().close();
});

test("a viewer sees no sign-off buttons and the API answers 403", async ({ browser }) => {
  const viewer = await pageAs(browser, "viewer");
  await viewer.goto("/releases");
  await expect(viewer.getByRole("link", { name: "New release" })).toHaveCount(0);
  const search = await viewer.goto("/releases?q=Search+Service");
  expect(search?.ok()).toBe(true);
  await viewer.getByRole("link", { name: "Search Service 5.2.0" }).click();
  await expect(viewer.getByRole("heading", { name: "Search Service 5.2.0" })).toBeVisible();
  await expect(
    viewer.getByRole("button", { name: /Sign off|Reject|Reopen|Hold|Cancel release/ }),
  ).toHaveCount(0);
  const id = new URL(viewer.url()).pathname.split("/").at(-1);
  const refused = await viewer
    .context()
    .request.post(`/api/releases/${id}/stages/INT/signoff`, { data: { decision: "APPROVE" } });
  expect(refused.status()).toBe(403);
  const create = await viewer.context().request.post("/api/releases", {
    data: { name: "x", version: "1", type: "RELEASE", goLive: "2030-03-15" },
  });
  expect(create.status()).toBe(403);
  await viewer.context().close();
});

test("a stale edit is refused and the form offers to reload", async ({ browser }) => {
  const first = await pageAs(browser, "rm");
  const second = await first.context().newPage();
  await first.goto(`${releaseUrl}/edit`);
  await second.goto(`${releaseUrl}/edit`);
  await first.getByLabel("Description (optional)").fill("Edited in the first tab");
  await first.getByRole("button", { name: "Save changes" }).click();
  await expect(first.getByRole("heading", { name: NAME })).toBeVisible();

  await second.getByLabel("Name").fill(`${NAME} (second tab)`);
  await second.getByRole("button", { name: "Save changes" }).click();
  await expect(
    second.getByRole("alert").filter({ hasText: "Someone changed this release" }),
  ).toBeVisible();
  await second.getByRole("button", { name: "Reload the release" }).click();
  await expect(second.getByLabel("Name")).toHaveValue(NAME);
  await first.context().close();
});

test("a release manager puts a release on hold, resumes it and cancels it with a reason", async ({
  browser,
}) => {
  const rm = await pageAs(browser, "rm");
  const created = await rm.context().request.post("/api/releases", {
    data: {
      name: `Hold ${NAME}`,
      version: "hold:1.0.0",
      type: "RELEASE",
      start: await firstWorkingDayIn(rm, 30),
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await rm.goto(`/releases/${id}`);

  await rm.getByRole("button", { name: "Hold" }).click();
  const dialog = rm.getByRole("alertdialog");
  await expect(dialog.getByRole("button", { name: "Put on hold" })).toBeDisabled();
  await dialog.getByRole("textbox").fill("Waiting for the vendor's security fix");
  await dialog.getByRole("button", { name: "Put on hold" }).click();
  await expect(rm.getByRole("note")).toContainText(
    "On hold: Waiting for the vendor's security fix",
  );

  await rm.getByRole("button", { name: "Resume" }).click();
  await rm.getByRole("alertdialog").getByRole("button", { name: "Resume" }).click();
  await expect(rm.getByRole("note")).toHaveCount(0);

  await rm.getByRole("button", { name: "Cancel release" }).click();
  await rm.getByRole("alertdialog").getByRole("textbox").fill("Merged into the next release");
  await rm.getByRole("alertdialog").getByRole("button", { name: "Cancel release" }).click();
  await expect(rm.getByRole("note")).toContainText("Cancelled: Merged into the next release");
  await expect(rm.getByRole("button", { name: "Cancel release" })).toHaveCount(0);
  const actions = await rm
    .getByTestId("audit-event")
    .evaluateAll((items) => items.map((item) => item.getAttribute("data-action")));
  expect(actions).toEqual([
    "RELEASE_CREATED",
    "RELEASE_HELD",
    "RELEASE_RESUMED",
    "RELEASE_CANCELLED",
  ]);
  await rm.context().close();
});

/** The first working day at least `days` ahead, asked from the server's own calendar. */
async function firstWorkingDayIn(page: Page, days: number): Promise<string> {
  const from = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + (days + 14) * 86_400_000).toISOString().slice(0, 10);
  const response = await page.context().request.get(`/api/working-days?from=${from}&to=${to}`);
  const { days: nonWorking } = (await response.json()) as {
    days: { date: string; nonWorking?: unknown }[];
  };
  const closed = new Set(nonWorking.filter((d) => d.nonWorking).map((d) => d.date));
  for (let i = 0; ; i++) {
    const date = new Date(Date.parse(from) + i * 86_400_000).toISOString().slice(0, 10);
    if (!closed.has(date)) return date;
  }
}
