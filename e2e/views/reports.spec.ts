import { expect, test } from "@playwright/test";

import { signInAs } from "../fixtures/auth";
import { expectNoSeriousA11yViolations } from "../fixtures/axe";

test.describe("delivery report", () => {
  test("shows on-time rate, lead time, slip per stage and go-lives per month for the last year", async ({
    page,
    context,
  }) => {
    await signInAs(context, "viewer");
    await page.goto("/timeline");
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Reports" })
      .click();
    await expect(page.getByRole("heading", { name: "Delivery report" })).toBeVisible();
    // The demo year: twelve releases went live, six of them after their baseline (other tests may add more).
    await expect(
      page.getByTestId("delivered-row").filter({ hasText: "Payments API 3.2.0" }),
    ).toBeVisible();
    expect(await page.getByTestId("delivered-row").count()).toBeGreaterThanOrEqual(12);
    await expect(
      page.getByText(/^\d+ of \d+ live on or before the baseline \(last deliberate plan\)$/),
    ).toBeVisible();
    await expect(
      page.getByTestId("delivered-row").filter({ hasText: "Billing Engine 2026.06" }),
    ).toContainText("+5 wd");
    await expect(
      page.getByTestId("delivered-row").filter({ hasText: "Search Service 5.0.0" }),
    ).toContainText("On time");
    await expect(page.locator('[data-testid="stage-slip"][data-stage="LAST"]')).toContainText(
      "worst +4 wd",
    );
    await expect(page.getByTestId("month-bar")).toHaveCount(14);
    await page.screenshot({ path: "e2e/screenshots/reports.png", fullPage: true });
    await expectNoSeriousA11yViolations(page);
  });

  test("narrows the period and the type through the URL; an empty period says so", async ({
    page,
    context,
  }) => {
    await signInAs(context, "viewer");
    await page.goto("/reports");
    await page.getByLabel("Type").selectOption("PATCH");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/type=PATCH/);
    await expect(
      page.getByRole("heading", { name: "Nothing went live in this period" }),
    ).toBeVisible();
    await page.goto("/reports?from=2027-05-01&to=2027-04-01");
    await expect(
      page.getByRole("status").filter({ hasText: "'from' must not be after 'to'" }),
    ).toBeVisible();
  });

  test("exports the releases of the period with their stage dates as CSV", async ({
    page,
    context,
  }) => {
    await signInAs(context, "viewer");
    await page.goto("/reports");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(
      /^releases-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/,
    );
    const text = await (
      await file.createReadStream()
    )
      .toArray()
      .then((chunks) => Buffer.concat(chunks).toString("utf8"));
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toMatch(
      /^id,name,version,digest,type,product,status,parent,region,baseline_go_live,forecast_go_live,live_on,/,
    );
    expect(lines[0]).toContain("prod_actual_start");
    expect(
      lines.some((line) => line.includes("Billing Engine 2026.06") && line.includes(",LIVE,")),
    ).toBe(true);
  });
});
