import { expect, test } from "@playwright/test";

import { signInAs } from "../fixtures/auth";

test.describe("plan a release", () => {
  test.beforeEach(async ({ context }) => {
    await signInAs(context, "rm");
  });

  test("picking a go-live shows the six stage windows with their working days", async ({
    page,
  }) => {
    await page.goto("/plan?goLive=2027-04-15");
    await expect(page.getByRole("heading", { name: "Plan a release" })).toBeVisible();
    await expect(page.getByTestId("plan-go-live")).toHaveText("Thu 15 Apr 2027");
    const stages = page.getByTestId("plan-stage");
    await expect(stages).toHaveCount(6);
    await expect(stages.nth(0)).toContainText("Fri 5 Mar 2027 – Tue 9 Mar 2027");
    await expect(stages.nth(0)).toContainText("3 working days");
    await expect(stages.nth(3)).toContainText("Tue 30 Mar 2027 – Mon 5 Apr 2027"); // after Easter
    await expect(stages.nth(5)).toContainText("1 working day");

    // Pick another go-live in the calendar.
    await page.getByRole("button", { name: /^Fri 23 Apr 2027/ }).click();
    await expect(page).toHaveURL(/goLive=2027-04-23/);
    await expect(page.getByTestId("plan-go-live")).toHaveText("Fri 23 Apr 2027");
    await page.screenshot({ path: "e2e/screenshots/plan.png", fullPage: true });
  });

  test("choosing a holiday is impossible and says why", async ({ page }) => {
    await page.goto("/plan?goLive=2027-04-15");
    await expect(page.getByTestId("plan-go-live")).toHaveText("Thu 15 Apr 2027");
    await page.getByRole("button", { name: "Previous month" }).click();
    const easterMonday = page.getByRole("button", { name: /^Mon 29 Mar 2027 · Easter Monday/ });
    await expect(easterMonday).toHaveAttribute("aria-disabled", "true");
    // Playwright refuses to click what is marked disabled; a person can, and is told why.
    await easterMonday.click({ force: true });
    await expect(
      page.getByRole("alert").filter({
        hasText: "Mon 29 Mar 2027 cannot be the go-live: it is Easter Monday, a public holiday.",
      }),
    ).toBeVisible();
    await expect(page).toHaveURL(/goLive=2027-04-15/);
  });

  test("a weekend go-live typed into the address gets the nearest working days to choose from", async ({
    page,
  }) => {
    await page.goto("/plan?goLive=2027-03-13");
    const alert = page.getByRole("alert").filter({ hasText: "is a weekend" });
    await expect(alert).toBeVisible();
    await alert.getByRole("button", { name: "Mon 15 Mar 2027" }).click();
    await expect(page).toHaveURL(/goLive=2027-03-15/);
    await expect(page.getByTestId("plan-go-live")).toHaveText("Mon 15 Mar 2027");
  });

  test("freeze windows: no go-live inside, and a forward plan moves out of them with a note", async ({
    page,
  }) => {
    await page.goto("/plan?goLive=2027-12-10");
    const frozenDay = page.getByRole("button", { name: /^Tue 21 Dec 2027/ });
    await expect(frozenDay).toHaveAttribute("aria-disabled", "true");
    await frozenDay.click({ force: true });
    await expect(
      page.getByRole("alert").filter({ hasText: "freeze window 'Year-end change freeze'" }),
    ).toBeVisible();

    await page.getByText("DEV start", { exact: true }).click();
    await expect(page).toHaveURL(/mode=start/);
    await page.goto("/plan?start=2027-11-22");
    await expect(
      page.getByRole("status").filter({ hasText: "Year-end change freeze" }),
    ).toBeVisible();
    await expect(page.getByTestId("plan-go-live")).toHaveText(/Jan 2028/);
  });

  test("the calendar works with the keyboard", async ({ page }) => {
    await page.goto("/plan?goLive=2027-04-15");
    await expect(page.getByTestId("plan-go-live")).toHaveText("Thu 15 Apr 2027");
    // Keys pressed before React has hydrated the grid are lost: retry until the arrow moves focus.
    const friday = page.getByRole("button", { name: /^Fri 16 Apr 2027/ });
    await expect(async () => {
      await page.getByRole("button", { name: /^Thu 15 Apr 2027/ }).focus();
      await page.keyboard.press("ArrowRight");
      await expect(friday).toBeFocused({ timeout: 1000 });
    }).toPass();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/goLive=2027-04-16/);
    await expect(page.getByTestId("plan-go-live")).toHaveText("Fri 16 Apr 2027");
  });
});

test("POST /api/plan answers 401 when anonymous and 422 for a holiday", async ({
  request,
  context,
}) => {
  const anonymous = await request.post("/api/plan", { data: { goLive: "2027-03-15" } });
  expect(anonymous.status()).toBe(401);
  await signInAs(context, "viewer");
  const holiday = await context.request.post("/api/plan", {
    data: { goLive: "2027-03-26", region: "DE-BW" },
  });
  expect(holiday.status()).toBe(422);
  expect(await holiday.json()).toMatchObject({
    error: { code: "NOT_A_WORKING_DAY", details: { suggestions: ["2027-03-25", "2027-03-30"] } },
  });
});
