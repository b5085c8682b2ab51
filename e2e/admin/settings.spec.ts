import { expect, type Page, test } from "@playwright/test";

import { signInAs } from "../fixtures/auth";
import { expectToast } from "../fixtures/toast";

async function setTestDuration(page: Page, days: string) {
  await page.getByLabel("Test: working days", { exact: true }).fill(days);
}

test.describe("administration", () => {
  test("an admin changes stage durations, sees the window live, and new plans follow", async ({
    page,
    context,
  }) => {
    await signInAs(context, "admin");
    await page.goto("/releases");
    await page.getByRole("link", { name: "Admin" }).click();
    await expect(page).toHaveURL(/\/admin\/stages$/);
    await expect(page.getByTestId("window-total")).toContainText("28 working days");

    await setTestDuration(page, "0");
    await expect(page.getByTestId("window-total")).toContainText(
      "Every stage needs a whole number of working days",
    );
    await expect(page.getByRole("button", { name: "Save stage settings" })).toBeDisabled();

    await setTestDuration(page, "6");
    await expect(page.getByTestId("window-total")).toContainText("27 working days");
    await page.screenshot({ path: "e2e/screenshots/admin-stages.png", fullPage: true });
    try {
      await page.getByRole("button", { name: "Save stage settings" }).click();
      await expectToast(page, "Stage settings saved");

      await page.goto("/plan?goLive=2027-04-15");
      await expect(page.getByText("27 working days").first()).toBeVisible();
      await expect(page.getByTestId("plan-stage").nth(1)).toContainText("6 working days");
    } finally {
      await page.goto("/admin/stages");
      await setTestDuration(page, "7");
      await page.getByRole("button", { name: "Save stage settings" }).click();
      await expectToast(page, "Stage settings saved");
    }
  });

  test("an admin adds a freeze window that moves plans, then removes it", async ({
    page,
    context,
  }) => {
    await signInAs(context, "admin");
    await page.goto("/admin/calendar");
    await expect(
      page.getByTestId("period-row").filter({ hasText: "Year-end change freeze" }),
    ).toContainText("Every year, 18 Dec – 8 Jan");

    await page.getByLabel("Kind").selectOption("FREEZE");
    await page.getByLabel("Name").fill("Launch week");
    await page.getByLabel("First day").fill("2027-05-10");
    await page.getByLabel("Last day").fill("2027-05-03");
    await page.getByRole("button", { name: "Add period" }).click();
    await expect(page.getByText("The last day must not be before the first day.")).toBeVisible();

    await page.getByLabel("Last day").fill("2027-05-14");
    await page.getByRole("button", { name: "Add period" }).click();
    const row = page.getByTestId("period-row").filter({ hasText: "Launch week" });
    await expect(row).toContainText("Mon 10 May 2027 – Fri 14 May 2027");
    await page.screenshot({ path: "e2e/screenshots/admin-calendar.png", fullPage: true });

    await page.goto("/plan?goLive=2027-05-12");
    await expect(page.getByRole("status").filter({ hasText: "Launch week" })).toBeVisible();
    await expect(page.getByTestId("plan-go-live")).toHaveText("Fri 7 May 2027");

    await page.goto("/admin/calendar");
    await row.getByRole("button", { name: "Remove Launch week" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Remove" }).click();
    await expect(row).toHaveCount(0);
  });

  test("the general settings show region, time zone and environment capacity", async ({
    page,
    context,
  }) => {
    await signInAs(context, "admin");
    await page.goto("/admin/general");
    await expect(page.getByLabel("Default holiday region")).toHaveValue("DE-BW");
    await expect(page.getByLabel("Company time zone")).toHaveValue("Europe/Berlin");
    await expect(page.getByLabel("Load test")).toHaveValue("1");
    await page.getByLabel("Load test").fill("0");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Capacity must be at least 1")).toBeVisible();
  });

  for (const role of ["rm", "qa", "viewer"] as const) {
    test(`${role} has no admin menu and gets a 403 page`, async ({ page, context }) => {
      await signInAs(context, role);
      await page.goto("/releases");
      await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
      await page.goto("/admin/stages");
      await expect(
        page.getByRole("heading", { name: "You don't have access to this page" }),
      ).toBeVisible();
      await expect(page.getByRole("main")).toHaveCount(1);
    });
  }
});
