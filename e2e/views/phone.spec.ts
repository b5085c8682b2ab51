import { expect, type Page, test } from "@playwright/test";

import { signInAs } from "../fixtures/auth";
import { expectNoSeriousA11yViolations } from "../fixtures/axe";
import { planRelease } from "../fixtures/releases";
import { expectToast } from "../fixtures/toast";

// On a phone (390 × 844): the navigation fits (a menu button, My approvals with its badge always
// in sight), a QA signs a stage off from My approvals without scrolling sideways, the release page
// fits the screen, and the timeline scrolls sideways inside its frame only.

test.use({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });

/** Whether the page itself is wider than the screen (something forces a sideways scroll). */
async function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

test("a QA signs a stage off from My approvals on a phone", async ({ browser, page, context }) => {
  const rm = await browser.newContext();
  await signInAs(rm, "rm");
  const suffix = Date.now().toString(36);
  const release = await planRelease(rm.request, {
    name: `Phone ${suffix}`,
    version: `phone:${suffix}`,
    type: "RELEASE",
  });
  // The release manager signs DEV off: TEST opens, and waits for a QA.
  const dev = await rm.request.post(`/api/releases/${release.id}/stages/DEV/signoff`, {
    data: { decision: "APPROVE" },
  });
  expect(dev.status()).toBe(200);
  await rm.close();

  await signInAs(context, "qa");
  await page.goto("/approvals");
  const header = page.getByRole("banner");
  const approvals = header.getByRole("link", { name: /My approvals/ });
  await expect(approvals).toBeInViewport();
  await expect(approvals.getByTestId("approval-count")).toBeInViewport();
  await expect(header.getByRole("link", { name: "Timeline" })).toBeHidden();
  expect(await scrollsSideways(page)).toBe(false);

  const item = page.getByTestId("approval-item").filter({ hasText: release.name });
  const signOff = item.getByRole("button", { name: "Sign off" });
  // Reachable without scrolling sideways: once scrolled to, wholly on screen.
  await signOff.scrollIntoViewIfNeeded();
  await expect(signOff).toBeInViewport({ ratio: 1 });
  await expect(item.getByRole("button", { name: "Reject" })).toBeInViewport({ ratio: 1 });
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: "e2e/screenshots/phone-approvals.png" });
  await signOff.click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Sign off" }).click();
  await expectToast(page, "TEST approved.");
  await expect(item).toContainText("Load test: planned");

  // The menu holds the other views.
  await header.getByRole("button", { name: "Menu" }).click();
  await expect(header.getByRole("link", { name: "Timeline" })).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/phone-menu.png" });
  await header.getByRole("link", { name: "Timeline" }).click();
  await expect(page).toHaveURL(/\/timeline/);
  await expect(page.getByTestId("timeline-row").first()).toBeVisible();
  expect(await scrollsSideways(page)).toBe(false);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: "e2e/screenshots/phone-timeline.png" });
  // Scrolled sideways through time, the releases' names stay in sight at the frame's left edge.
  const firstName = page.getByTestId("timeline-row").first().getByRole("link").first();
  const before = await firstName.boundingBox();
  await page
    .getByTestId("timeline-row")
    .first()
    .evaluate((row) => {
      row.closest(".overflow-x-auto")!.scrollLeft = 400;
    });
  await expect.poll(async () => (await firstName.boundingBox())?.x).toBe(before?.x);
  expect(before!.width).toBeLessThan(180); // the name column leaves most of 390 px to the chart

  await page.goto(`/releases/${release.id}`);
  await expect(page.getByRole("heading", { name: release.name })).toBeVisible();
  expect(await scrollsSideways(page)).toBe(false);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: "e2e/screenshots/phone-release.png", fullPage: true });
});
