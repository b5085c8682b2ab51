import { expect, test } from "@playwright/test";

import { signInAs } from "../fixtures/auth";
import { expectNoSeriousA11yViolations } from "../fixtures/axe";
import { planRelease, timelineRow } from "../fixtures/releases";

test.describe("timeline", () => {
  test("is home: rows with six stage bars, a today line, zoom and navigation in the URL", async ({
    page,
    context,
  }) => {
    await signInAs(context, "viewer");
    await page.goto("/");
    await expect(page).toHaveURL(/\/timeline$/);
    await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();
    await expect(page.getByTestId("today-line")).toBeVisible();
    const row = timelineRow(page, "Billing Engine 2026.12");
    await expect(row.locator("[data-segment]").first()).toBeVisible();
    await expect(row.getByText("+3")).toBeVisible(); // at risk, 3 working days
    await expect(
      timelineRow(page, "Search Service 5.2.0").locator('[data-status="REJECTED"]'),
    ).toBeVisible();
    await page.screenshot({ path: "e2e/screenshots/timeline-6w.png", fullPage: true });
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("link", { name: "Quarter" }).click();
    await expect(page).toHaveURL(/zoom=quarter/);
    await page.screenshot({ path: "e2e/screenshots/timeline-quarter.png", fullPage: true });
    await page.getByRole("link", { name: "Year" }).click();
    await expect(page).toHaveURL(/zoom=year/);
    await expect(page.getByText(/Freeze · Year-end change freeze/).first()).toBeVisible();
    await page.screenshot({ path: "e2e/screenshots/timeline-year.png", fullPage: true });

    await page.getByRole("link", { name: "Later" }).click();
    await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}/);
    await page.getByRole("link", { name: "Today" }).click();
    await expect(page).not.toHaveURL(/from=/);
  });

  test("filters by type, status, region and text, kept in the URL", async ({ page, context }) => {
    await signInAs(context, "viewer");
    await page.goto("/timeline?zoom=quarter");
    await page.getByRole("link", { name: "Patches" }).click();
    await expect(page).toHaveURL(/type=PATCH/);
    await expect(page).toHaveURL(/zoom=quarter/);
    await expect(timelineRow(page, "Payments API 3.4.0")).toHaveCount(0);
    await page.getByLabel("Search name or version").fill("portal");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/q=portal/);
    await expect(page.getByTestId("timeline-row").first()).toContainText("Customer Portal");
  });

  test("a click on a bar opens the stage with its approvals", async ({ page, context }) => {
    await signInAs(context, "qa");
    // Mobile Backend's TEST closed weeks ago and its LAST is overdue: a quarter from five weeks back.
    const from = new Date(Date.now() - 35 * 86_400_000).toISOString().slice(0, 10);
    await page.goto(`/timeline?zoom=quarter&from=${from}`);
    const row = timelineRow(page, "Mobile Backend 2.8.0");
    await expect(row.getByTestId("overdue")).toHaveText("LAST overdue");
    await row.locator('[data-stage="TEST"]').click();
    const drawer = page.getByRole("dialog");
    await expect(drawer.getByRole("heading", { name: "Mobile Backend 2.8.0" })).toBeVisible();
    await expect(drawer).toContainText("Approved by Quinn Adler");
    await page.keyboard.press("Escape");
    await expect(drawer).toBeHidden();
    await row.locator('[data-stage="LAST"]').click();
    await expect(drawer).toContainText("Needs 1 more approval");
    await page.screenshot({ path: "e2e/screenshots/timeline-drawer.png" });
    await expectNoSeriousA11yViolations(page);
  });

  test("QA signs off a stage in place from its bar", async ({ browser, page, context }) => {
    // A release of its own (the demo's stay as the other journeys read them), DEV and TEST done.
    const suffix = Date.now().toString(36);
    const rita = await browser.newContext();
    await signInAs(rita, "rm");
    const release = await planRelease(rita.request, {
      name: `Timeline Journey ${suffix}`,
      version: `timeline:${suffix}`,
      type: "RELEASE",
    });
    await signInAs(context, "qa");
    for (const key of ["DEV", "TEST"]) {
      const answer = await context.request.post(
        `/api/releases/${release.id}/stages/${key}/signoff`,
        {
          data: { decision: "APPROVE" },
        },
      );
      expect(answer.status(), `${key} sign-off`).toBe(200);
    }
    await page.goto(`/timeline?q=${encodeURIComponent(release.name)}`);
    const row = timelineRow(page, release.name);
    await row.locator('[data-stage="LAST"]').click();
    const drawer = page.getByRole("dialog");
    await expect(drawer.getByRole("heading", { name: release.name })).toBeVisible();
    await expect(drawer).toContainText("Needs 1 more approval");
    await drawer.getByRole("button", { name: "Sign off" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Sign off" }).click();
    await expect(drawer).toContainText("Signed off");
    await page.keyboard.press("Escape");
    await expect(row.locator('[data-stage="LAST"]')).toHaveAttribute("data-status", "SIGNED_OFF");
    await expect(row.locator('[data-stage="INT"]')).toHaveAttribute("data-status", "ACTIVE");
    await rita.close();
  });

  test("the bars are reachable with the keyboard", async ({ page, context }) => {
    await signInAs(context, "viewer");
    await page.goto("/timeline");
    const first = page.locator("[data-segment][tabindex='0']");
    await expect(first).toHaveCount(1);
    const before = await first.getAttribute("aria-label");
    const focused = page.locator("[data-segment]:focus");
    // Keys pressed before React has hydrated are lost: retry until the arrow moves focus.
    await expect(async () => {
      await first.focus();
      await page.keyboard.press("ArrowDown");
      await expect(focused).toHaveCount(1, { timeout: 1000 });
      expect(await focused.getAttribute("aria-label")).not.toBe(before);
    }).toPass();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("dialog")).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.locator("[data-segment]:focus")).toHaveCount(1);
  });
});
