import { expect, test } from "@playwright/test";

import { signInAs } from "../fixtures/auth";
import { expectNoSeriousA11yViolations } from "../fixtures/axe";
import { unfoldConflicts } from "../fixtures/conflicts";

test.describe("month calendar", () => {
  test("shows this month with stage bars, go-lives, today and the conflicts explained", async ({
    page,
    context,
  }) => {
    await signInAs(context, "viewer");
    await page.goto("/calendar");
    await expect(page.getByRole("heading", { name: "Calendar", exact: true })).toBeVisible();
    await expect(page.getByLabel(/, today$/)).toHaveCount(1);
    await expect(page.locator("[data-segment]").first()).toBeVisible();
    // Billing Engine and Mobile Backend are both in the exclusive load test environment today.
    await unfoldConflicts(page);
    const conflict = page.getByTestId("conflict").filter({
      hasText:
        /both Billing Engine 2026\.12 and Mobile Backend 2\.8\.0 are planned in LAST \(Load test\), which takes one release at a time/,
    });
    await expect(conflict.first()).toBeVisible();
    await expect(
      page.locator('[data-segment][data-stage="LAST"][data-conflict]').first(),
    ).toBeVisible();
    await page.screenshot({ path: "e2e/screenshots/calendar.png", fullPage: true });
    await expectNoSeriousA11yViolations(page);
  });

  test("moves between months and names holidays, closures and freeze windows", async ({
    page,
    context,
  }) => {
    await signInAs(context, "viewer");
    const year = new Date().getFullYear();
    await page.goto(`/calendar?month=${year}-12`);
    await expect(page.getByText(`Dec ${year}`, { exact: true })).toBeVisible();
    await expect(page.getByText("Freeze · Year-end change freeze").first()).toBeVisible();
    const christmas = page.locator(`[data-date="${year}-12-25"]`);
    await expect(christmas).toContainText("Christmas Day");
    await expect(page.locator(`[data-date="${year}-12-28"]`)).toContainText(
      "Office closed between the years",
    );
    await page.getByRole("link", { name: "Next month" }).click();
    await expect(page).toHaveURL(new RegExp(`month=${year + 1}-01`));
    await expect(page.getByText(`Jan ${year + 1}`, { exact: true })).toBeVisible();
    await page.getByRole("link", { name: "Previous month" }).click();
    await expect(page).toHaveURL(new RegExp(`month=${year}-12`));
    await page.getByRole("link", { name: "Previous month" }).click();
    await expect(page).toHaveURL(new RegExp(`month=${year}-11`));
    await page.getByRole("link", { name: "Today" }).click();
    await expect(page).not.toHaveURL(/month=/);
  });

  test("filters by environment and text in the URL; a bar opens its stage", async ({
    page,
    context,
  }) => {
    await signInAs(context, "qa");
    await page.goto("/calendar");
    await page.getByLabel("Environment", { exact: true }).selectOption("LAST");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/env=LAST/);
    const bars = page.locator("[data-segment]");
    await expect(bars.first()).toBeVisible();
    const stages = await bars.evaluateAll((elements) => [
      ...new Set(elements.map((e) => e.getAttribute("data-stage"))),
    ]);
    expect(stages).toEqual(["LAST"]);

    await page.goto("/calendar?q=mobile");
    const releases = await page
      .locator("[data-segment]")
      .evaluateAll((elements) => [...new Set(elements.map((e) => e.getAttribute("data-release")))]);
    expect(releases).toHaveLength(1);
    await expect(page.locator("[data-segment]").first()).toHaveAccessibleName(
      / Mobile Backend 2\.8\.0, /,
    );
    await page.locator('[data-segment][data-stage="LAST"]').first().click();
    const drawer = page.getByRole("dialog");
    await expect(drawer.getByRole("heading", { name: "Mobile Backend 2.8.0" })).toBeVisible();
    await expect(drawer).toContainText("Load test");
  });

  test("arrow keys move between bars", async ({ page, context }) => {
    await signInAs(context, "viewer");
    await page.goto("/calendar");
    const first = page.locator("[data-segment][tabindex='0']");
    await expect(first).toHaveCount(1);
    const before = await first.getAttribute("aria-label");
    // Keys pressed before React has hydrated are lost: retry until the arrow moves focus.
    await expect(async () => {
      await first.focus();
      await page.keyboard.press("ArrowDown");
      const focused = page.locator("[data-segment]:focus");
      await expect(focused).toHaveCount(1, { timeout: 1000 });
      expect(await focused.getAttribute("aria-label")).not.toBe(before);
    }).toPass();
  });
});
