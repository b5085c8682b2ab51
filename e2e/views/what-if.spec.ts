import { expect, type Page, test } from "@playwright/test";

import { signInAs } from "../fixtures/auth";
import { expectNoSeriousA11yViolations } from "../fixtures/axe";
import { planRelease, timelineRow } from "../fixtures/releases";

type ReleaseJson = {
  id: string;
  revision: number;
  forecastGoLive: string;
  stages: { key: string; plannedStart: string; plannedEnd: string }[];
};

async function releaseNamed(page: Page, q: string): Promise<ReleaseJson> {
  const response = await page.request.get(`/api/releases?q=${encodeURIComponent(q)}`);
  const releases = (await response.json()) as ReleaseJson[];
  return releases[0]!;
}

function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A date that is not a working day gets the nearest ones offered: take the later one. */
async function acceptSuggestionIfAsked(page: Page) {
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("what-if").or(dialog.getByRole("alert"))).toBeVisible();
  const suggestion = dialog.getByRole("button", { name: /^Use / });
  if (await suggestion.count()) await suggestion.last().click();
  await expect(dialog.getByTestId("what-if")).toBeVisible();
}

test.describe("what-if re-planning", () => {
  test("a release manager moves a go-live, sees what moves, and saves it", async ({
    page,
    context,
  }) => {
    await signInAs(context, "rm");
    // A release of its own: the demo's stay as the other journeys (views, conflicts) read them.
    const suffix = Date.now().toString(36);
    const name = `Re-plan Journey ${suffix}`;
    await planRelease(context.request, { name, version: `replan:${suffix}`, type: "RELEASE" });
    const before = await releaseNamed(page, name);
    await page.goto(`/releases/${before.id}`);
    await page.getByRole("button", { name: "Re-plan" }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("heading", { name: `Re-plan ${name}` })).toBeVisible();
    await expect(dialog).toContainText("nothing would move");
    await expect(dialog.getByRole("button", { name: "Save re-plan" })).toBeDisabled();

    await dialog.getByLabel("New go-live").fill(plusDays(before.forecastGoLive, 7));
    await acceptSuggestionIfAsked(page);
    await expect(dialog.getByTestId("go-live-shift")).toContainText(/working days? later/);
    await expect(dialog.locator('[data-testid="what-if-stage"][data-moved]')).toHaveCount(6);
    await page.screenshot({ path: "e2e/screenshots/what-if-go-live.png" });
    await expectNoSeriousA11yViolations(page);

    await dialog.getByRole("button", { name: "Save re-plan" }).click();
    await expect(dialog).toBeHidden();
    const after = await releaseNamed(page, name);
    expect(after.forecastGoLive > before.forecastGoLive).toBe(true);
    expect(after.revision).toBe(before.revision + 1);
    await expect(
      page.locator('[data-testid="audit-event"][data-action="RELEASE_REPLANNED"]'),
    ).toBeVisible();
    await expect(page.getByText(/Forecast go-live/).first()).toBeVisible();
  });

  test("discarding a what-if changes nothing", async ({ page, context }) => {
    await signInAs(context, "rm");
    const before = await releaseNamed(page, "Data Warehouse Sync 4.0.0");
    await page.goto(`/releases/${before.id}`);
    await page.getByRole("button", { name: "Re-plan" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByText("Change a stage's end").click();
    await dialog.getByLabel("Stage", { exact: true }).selectOption("LAST");
    const last = before.stages.find((s) => s.key === "LAST")!;
    await dialog.getByLabel("New last day").fill(plusDays(last.plannedEnd, 7));
    await acceptSuggestionIfAsked(page);
    await expect(dialog.locator('[data-testid="what-if-stage"][data-moved]')).toHaveCount(4); // LAST, INT, PREPROD, PROD
    await dialog.getByRole("button", { name: "Discard" }).click();
    await expect(dialog).toBeHidden();
    const after = await releaseNamed(page, "Data Warehouse Sync 4.0.0");
    expect(after.revision).toBe(before.revision);
    expect(after.stages).toEqual(before.stages);
  });

  test("dragging a stage's end on the timeline opens the what-if with that proposal", async ({
    page,
    context,
  }) => {
    await signInAs(context, "rm");
    const release = await releaseNamed(page, "Data Warehouse Sync 4.0.0");
    await page.goto("/timeline?zoom=quarter");
    const row = timelineRow(page, "Data Warehouse Sync 4.0.0");
    const bar = row.locator('[data-stage="TEST"]');
    const handle = bar.locator("[data-drag-handle]");
    // Other journeys' releases may push the row below the fold: the mouse works in the viewport.
    await handle.scrollIntoViewIfNeeded();
    const box = (await handle.boundingBox())!;
    const track = (await row.getByTestId("timeline-bars").boundingBox())!;
    const dayWidth = track.width / 91;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 3.5 * dayWidth, box.y + box.height / 2, {
      steps: 8,
    });
    await expect(page.getByRole("status").filter({ hasText: /^TEST ends / })).toBeVisible();
    await page.mouse.up();

    const dialog = page.getByRole("dialog");
    await expect(dialog.getByLabel("Stage", { exact: true })).toHaveValue("TEST");
    const test = release.stages.find((s) => s.key === "TEST")!;
    await expect(dialog.getByLabel("New last day")).not.toHaveValue(test.plannedEnd);
    await acceptSuggestionIfAsked(page);
    await expect(dialog.getByTestId("go-live-shift")).toContainText(/later/);
    await page.screenshot({ path: "e2e/screenshots/what-if-drag.png" });
    await dialog.getByRole("button", { name: "Discard" }).click();
    expect((await releaseNamed(page, "Data Warehouse Sync 4.0.0")).revision).toBe(release.revision);
  });

  test("the stage drawer offers the re-plan to release managers only", async ({
    page,
    context,
  }) => {
    await signInAs(context, "rm");
    await page.goto("/timeline?zoom=quarter");
    const row = timelineRow(page, "Data Warehouse Sync 4.0.0");
    await row.locator('[data-stage="PROD"]').click();
    await page.getByRole("dialog").getByRole("button", { name: "Move the go-live…" }).click();
    await expect(page.getByRole("dialog").getByLabel("New go-live")).toBeVisible();
    await page.keyboard.press("Escape");

    await context.clearCookies();
    await signInAs(context, "qa");
    await page.goto("/timeline?zoom=quarter");
    await expect(page.locator("[data-draggable]")).toHaveCount(0);
    await timelineRow(page, "Data Warehouse Sync 4.0.0").locator('[data-stage="PROD"]').click();
    await expect(
      page.getByRole("dialog").getByRole("link", { name: "Open the release page" }),
    ).toBeVisible();
    await expect(
      page.getByRole("dialog").getByRole("button", { name: /Move the go-live/ }),
    ).toHaveCount(0);
    const release = await releaseNamed(page, "Data Warehouse Sync 4.0.0");
    const response = await page.request.post(`/api/releases/${release.id}/what-if`, {
      data: { goLive: release.forecastGoLive },
    });
    expect(response.status()).toBe(403);
  });
});
