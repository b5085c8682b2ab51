import { expect, type Page, test } from "@playwright/test";

import { formatDisplayDate } from "../../lib/domain/dates";
import { signInAs } from "../fixtures/auth";
import { expectNoSeriousA11yViolations } from "../fixtures/axe";
import { planRelease } from "../fixtures/releases";

// A release manager wants a go-live on a day another release already holds the exclusive
// environments for: the form finds the earliest free date, she takes it, and the release is
// planned there (the slot reserved in the same write).

async function pickInMonthPicker(page: Page, date: string) {
  await expect(page.locator("[data-date][aria-disabled]").first()).toBeAttached();
  const target = page.locator(`[data-date="${date}"]`);
  for (let i = 0; i < 24 && !(await target.count()); i++) {
    await page.getByRole("button", { name: "Next month" }).click();
  }
  await target.click();
}

test("the new-release form finds the earliest free date and plans the release there", async ({
  page,
  context,
}) => {
  await signInAs(context, "rm");
  const suffix = Date.now().toString(36);
  const occupant = await planRelease(
    context.request,
    { name: `Occupant ${suffix}`, version: `occupant:${suffix}`, type: "RELEASE" },
    110,
  );
  const wished = occupant.forecastGoLive;

  await page.goto("/releases/new");
  await page.getByLabel("Name").fill(`Newcomer ${suffix}`);
  await page.getByLabel("Version / artifact tag").fill(`newcomer:${suffix}`);
  await pickInMonthPicker(page, wished);
  await expect(page.getByTestId("plan-go-live")).toHaveText(formatDisplayDate(wished));

  await page.getByRole("button", { name: "Find the earliest free date" }).click();
  const result = page.getByTestId("plan-search");
  await expect(result.getByTestId("plan-search-wish")).toContainText(`Occupant ${suffix}`);
  const candidates = result.getByTestId("plan-search-candidate");
  await expect(candidates).toHaveCount(3);
  await expect(candidates.first()).toContainText("working days later");
  await result.getByText("Why not earlier?").click();
  await expect(result.getByTestId("plan-search-skipped")).toContainText(`Occupant ${suffix}`);
  await expectNoSeriousA11yViolations(page);
  // Tall enough that the form needs no scrolling (the sticky header would cover a scrolled shot).
  await page.setViewportSize({ width: 1440, height: 2400 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page
    .getByRole("region", { name: "Plan" })
    .screenshot({ path: "e2e/screenshots/earliest-date.png" });
  await page.setViewportSize({ width: 1440, height: 900 });

  const label = (await candidates.first().getByRole("button").getAttribute("aria-label"))!;
  await candidates.first().getByRole("button", { name: label }).click();
  const takenDay = label.replace(/^Take this date: /, "");
  await expect(page.getByTestId("plan-go-live")).toHaveText(takenDay);
  await page.getByRole("button", { name: "Plan release" }).click();
  await expect(page.getByRole("heading", { name: `Newcomer ${suffix}` })).toBeVisible();

  const created = await context.request.get(
    `/api/releases?q=${encodeURIComponent(`Newcomer ${suffix}`)}`,
  );
  const [release] = (await created.json()) as { forecastGoLive: string }[];
  expect(release!.forecastGoLive > wished).toBe(true);
  // Its exclusive environments do not overlap the occupant's: the search found room.
  const conflicts = await context.request.post("/api/plan", {
    data: { goLive: release!.forecastGoLive },
  });
  const plan = (await conflicts.json()) as { conflicts: { releases: { name: string }[] }[] };
  expect(plan.conflicts.some((c) => c.releases.some((r) => r.name === `Occupant ${suffix}`))).toBe(
    false,
  );
});
