import { expect, test } from "@playwright/test";

import { signInAs } from "../fixtures/auth";
import { expectNoSeriousA11yViolations } from "../fixtures/axe";
import { planRelease } from "../fixtures/releases";
import { expectToast } from "../fixtures/toast";

// Deployment windows and the gate: an administrator closes PROD on Friday afternoons and sees it
// striped on the environments view and the calendar; a release manager asks for an exception for
// her release, another release manager approves it, and the release page shows the gate opened.

test("an admin adds a Friday-afternoon PROD deny window and sees it shaded", async ({
  page,
  context,
}) => {
  await signInAs(context, "admin");
  const name = `Friday freeze ${Date.now().toString(36)}`;
  await page.goto("/admin/windows");
  await expect(page.getByRole("heading", { name: "Deployment windows", level: 2 })).toBeVisible();
  const form = page.getByRole("complementary");
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Repeats").selectOption({ label: "Every Friday" });
  await expect(form.getByLabel("Recurrence rule (RFC 5545)")).toHaveValue("FREQ=WEEKLY;BYDAY=FR");
  await form.getByLabel("Starts at").fill("14:00");
  await form.getByLabel("Hours").fill("66");
  await form.getByLabel("Minutes").fill("0");
  // From a week ago: the month shown always holds one of its Fridays, whatever the day.
  await form
    .getByLabel("From")
    .fill(new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10));
  await form.getByRole("button", { name: "Add window" }).click();
  await expectToast(page, `'${name}' saved.`);

  const row = page.getByTestId("window-row").filter({ hasText: name });
  await expect(row).toContainText("every week on Friday, 14:00 for 66 h");
  const next = row.getByTestId("window-occurrence");
  await expect(next).toHaveCount(3);
  await expect(next.first()).toHaveText(/^Fri \d+ \w+ 14:00 → Mon \d+ \w+ 08:00$/);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: "e2e/screenshots/deployment-windows.png" });

  // The environments view stripes PROD (only PROD) on Friday afternoons and over the weekend.
  await page.goto("/environments");
  const prod = page.locator('[data-testid="environment"][data-environment="PROD"]');
  await expect(
    prod.locator(`[data-testid="deny-window"][title*="'${name}'"]`).first(),
  ).toBeVisible();
  await expect(
    page.locator(
      `[data-testid="environment"][data-environment="PREPROD"] [data-testid="deny-window"][title*="'${name}'"]`,
    ),
  ).toHaveCount(0);
  await page.setViewportSize({ width: 1440, height: 1250 });
  await page.screenshot({ path: "e2e/screenshots/environments-deny-window.png" });
  await page.setViewportSize({ width: 1440, height: 900 });

  // The calendar of PROD labels each Friday from 14:00.
  await page.goto("/calendar?env=PROD");
  const friday = page
    .getByTestId("calendar-deny-window")
    .filter({ hasText: `PROD 14:00–24:00 ${name}` });
  await expect(friday.first()).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/calendar-deny-window.png" });

  // Removed again: the other journeys see the environments as they were.
  await page.goto("/admin/windows");
  await page
    .getByTestId("window-row")
    .filter({ hasText: name })
    .getByRole("button", { name: `Remove ${name}` })
    .click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove" }).click();
  await expect(page.getByTestId("window-row").filter({ hasText: name })).toHaveCount(0);
});

test("a release manager asks for an exception, another approves it, and the gate opens", async ({
  browser,
  page,
  context,
}) => {
  // A window that closes DEV for the whole day, every day, for this journey's product only.
  const suffix = Date.now().toString(36);
  const admin = await browser.newContext();
  await signInAs(admin, "admin");
  const product = await admin.request.post("/api/products", {
    data: { key: `gate-${suffix}`, name: `Gate ${suffix}` },
  });
  expect(product.status()).toBe(201);
  const window = await admin.request.post("/api/windows", {
    data: {
      name: `Closed all day ${suffix}`,
      kind: "DENY",
      environments: ["DEV"],
      products: [`gate-${suffix}`],
      rule: "FREQ=DAILY",
      startTime: "00:00",
      durationMinutes: 1440,
    },
  });
  expect(window.status()).toBe(201);

  await signInAs(context, "rm");
  const release = await planRelease(context.request, {
    name: `Gate Journey ${suffix}`,
    version: `gate-journey:${suffix}`,
    type: "RELEASE",
    product: `gate-${suffix}`,
  });
  await page.goto(`/releases/${release.id}`);
  const gate = page.getByRole("region", { name: "Deployment gate" });
  await expect(gate.getByTestId("gate-status")).toHaveAttribute("data-open", "false");
  await expect(gate.getByTestId("gate-status")).toContainText("DENY_WINDOW");

  await gate.getByRole("button", { name: "Ask for an exception…" }).click();
  const dialog = page.getByRole("dialog", { name: `Exception for ${release.name}` });
  await expect(dialog.getByLabel("Environment")).toHaveValue("DEV");
  // From the current hour (company time, whatever the day), for four hours.
  const now = await context.request.get("/api/windows");
  const { timeZone } = (await now.json()) as { timeZone: string };
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date());
  const part = (type: string) => parts.find((candidate) => candidate.type === type)!.value;
  await dialog.getByLabel("From (day)").fill(`${part("year")}-${part("month")}-${part("day")}`);
  await dialog.getByLabel("Time").fill(`${part("hour")}:00`);
  await dialog.getByLabel("Hours").fill("4");
  await dialog.getByLabel("Reason").fill("INC-4711: the login fix must reach DEV for the vendor.");
  await dialog.getByRole("button", { name: "Ask for the exception" }).click();
  await expectToast(page, /Exception asked for/);
  const exception = gate.getByTestId("exception-row");
  await expect(exception).toContainText("Waiting for a decision");
  await expect(exception).toContainText("Another person decides");
  await expect(exception.getByRole("button", { name: "Approve" })).toHaveCount(0);

  const other = await browser.newContext();
  await signInAs(other, "rm2");
  const second = await other.newPage();
  await second.goto(`/releases/${release.id}`);
  const theirs = second.getByRole("region", { name: "Deployment gate" });
  await theirs.getByTestId("exception-row").getByRole("button", { name: "Approve" }).click();
  await expectToast(second, "Exception approved.");
  await expect(theirs.getByTestId("exception-row")).toContainText("Approved");
  await expect(theirs.getByTestId("gate-status")).toHaveAttribute("data-open", "true");
  await expect(theirs.getByTestId("gate-status")).toContainText("Exception running until");

  await page.reload();
  await expect(gate.getByTestId("exception-row")).toContainText("Approved");
  await expect(gate.getByTestId("exception-row")).toContainText("by Ravi Mehta");
  await expectNoSeriousA11yViolations(page);
  await gate.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "e2e/screenshots/release-gate.png" });

  // Pipelines hear the same: the gate is open for this release in DEV.
  const answer = await context.request.get(
    `/api/gate?environment=DEV&version=gate-journey:${suffix}`,
  );
  expect(((await answer.json()) as { open: boolean }).open).toBe(true);

  await admin.request.delete(`/api/windows/${((await window.json()) as { id: string }).id}`);
  await admin.close();
  await other.close();
});
