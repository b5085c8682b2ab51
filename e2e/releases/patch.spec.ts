import { expect, test } from "@playwright/test";

import { signInAs } from "../fixtures/auth";
import { expectNoSeriousA11yViolations } from "../fixtures/axe";
import { planRelease } from "../fixtures/releases";

// A release manager plans a patch of a release of her own from its page: the form knows the
// release it fixes, the patch gets its own plan, and both pages name each other.

test("a release manager plans a patch of a release from the release's page", async ({
  page,
  context,
}) => {
  await signInAs(context, "rm");
  const suffix = Date.now().toString(36);
  const release = await planRelease(context.request, {
    name: `Invoicing ${suffix}`,
    version: `invoicing:${suffix}`,
    type: "RELEASE",
  });
  await page.goto(`/releases/${release.id}`);
  const patches = page.getByRole("region", { name: /^Patches/ });
  await expect(patches).toContainText("No patches for this release.");
  await patches.getByRole("link", { name: "New patch" }).click();

  await expect(page.getByRole("heading", { name: "New release or patch" })).toBeVisible();
  await expect(page.getByRole("radio", { name: /Patch/ })).toBeChecked();
  await expect(page.getByLabel("Patch of release")).toHaveValue(release.id);
  await page.getByLabel("Name").fill(`Invoicing ${suffix} hotfix`);
  await page.getByLabel("Version / artifact tag").fill(`invoicing:${suffix}.1`);
  // The calendar knows its non-working days once the page is interactive: pick a possible day
  // about two months ahead.
  await expect(page.locator("[data-date][aria-disabled]").first()).toBeAttached();
  for (let i = 0; i < 2; i++) await page.getByRole("button", { name: "Next month" }).click();
  const day = page
    .locator("[data-date]:not([aria-disabled])")
    .filter({ hasText: /^(1[0-9]|2[0-4])$/ })
    .first();
  await day.click();
  await expect(page.getByTestId("plan-stage")).toHaveCount(6);
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: "Plan patch" }).click();

  await expect(page.getByRole("heading", { name: `Invoicing ${suffix} hotfix` })).toBeVisible();
  await expect(page.getByText(/^Patch of/)).toContainText(release.name);
  await expect(page.getByTestId("audit-event").first()).toContainText("created the");
  await page.screenshot({ path: "e2e/screenshots/patch-new.png", fullPage: true });

  await page.goto(`/releases/${release.id}`);
  await expect(patches).toContainText(`Invoicing ${suffix} hotfix`);
  await expect(patches).toContainText(`invoicing:${suffix}.1`);
  const listed = await context.request.get(
    `/api/releases?type=PATCH&q=${encodeURIComponent(`${suffix} hotfix`)}`,
  );
  const [patch] = (await listed.json()) as { parentId: string; type: string }[];
  expect(patch).toMatchObject({ type: "PATCH", parentId: release.id });
});
