import { expect, test } from "@playwright/test";

import { signInAs } from "../fixtures/auth";
import { expectNoSeriousA11yViolations } from "../fixtures/axe";
import { unfoldConflicts } from "../fixtures/conflicts";

test.describe("environments", () => {
  test("shows who occupies each environment, with conflicts in exclusive ones explained", async ({
    page,
    context,
  }) => {
    await signInAs(context, "viewer");
    await page.goto("/");
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Environments" })
      .click();
    await expect(page).toHaveURL(/\/environments$/);
    await expect(page.getByTestId("environment")).toHaveCount(6);
    const load = page.locator('[data-testid="environment"][data-environment="LAST"]');
    await expect(load).toContainText("Exclusive · 1 release at a time");
    await expect(page.locator('[data-environment="DEV"]')).toContainText("Shared · no limit");
    // Billing Engine and Mobile Backend are both in LAST today: the bars and a red band say so.
    await expect(
      load
        .locator("[data-segment][data-conflict]")
        .filter({ hasText: "Billing Engine 2026.12" })
        .first(),
    ).toBeVisible();
    await expect(load.getByTestId("conflict-band").first()).toBeVisible();
    await unfoldConflicts(page);
    await expect(
      page
        .getByTestId("conflict")
        .filter({
          hasText: /Billing Engine 2026\.12 and Mobile Backend 2\.8\.0 are planned in LAST/,
        })
        .first(),
    ).toBeVisible();
    await page.screenshot({ path: "e2e/screenshots/environments.png", fullPage: true });
    await expectNoSeriousA11yViolations(page);

    await page.getByRole("link", { name: "Quarter" }).click();
    await expect(page).toHaveURL(/zoom=quarter/);
    await load.locator("[data-segment]").first().click();
    await expect(page.getByRole("dialog")).toContainText("Load test");
  });

  test("a shared environment holds any number of releases without conflict", async ({
    page,
    context,
  }) => {
    await signInAs(context, "viewer");
    await page.goto("/environments?zoom=quarter");
    const dev = page.locator('[data-environment="DEV"]');
    await expect(dev.locator("[data-segment]").first()).toBeVisible();
    await expect(dev.locator("[data-segment][data-conflict]")).toHaveCount(0);
    await expect(dev.getByTestId("conflict-band")).toHaveCount(0);
  });

  test("groups the environments by product, each group folding away", async ({ page, context }) => {
    await signInAs(context, "viewer");
    await page.goto("/environments");
    await page
      .getByRole("navigation", { name: "Grouping" })
      .getByRole("link", { name: "By product" })
      .click();
    await expect(page).toHaveURL(/group=product/);
    const groups = page.getByTestId("product-group");
    expect(await groups.count()).toBeGreaterThan(1);
    // The demo portfolio fits the lane budget: every group is drawn, open.
    await expect(page.getByTestId("group-not-drawn")).toHaveCount(0);
    const billing = groups.filter({ has: page.locator("summary", { hasText: "Billing" }) }).first();
    const bars = billing.locator("[data-segment]");
    await expect(bars.first()).toBeVisible();
    await billing.locator("summary").click();
    await expect(bars.first()).toBeHidden();
    await page.screenshot({ path: "e2e/screenshots/environments-by-product.png", fullPage: true });
    await expectNoSeriousA11yViolations(page);
  });
});
