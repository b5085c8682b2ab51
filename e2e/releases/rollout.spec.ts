import { type Browser, expect, test } from "@playwright/test";

import type { DemoUserKey } from "../../lib/demo-users";
import { signInAs } from "../fixtures/auth";
import { planRelease } from "../fixtures/releases";
import { expectToast } from "../fixtures/toast";

// A release manager plans a staggered rollout, the release goes live, the first wave is marked
// done, and production shows a problem: the release is rolled back, and the report counts it.

async function contextAs(browser: Browser, user: DemoUserKey) {
  const context = await browser.newContext();
  await signInAs(context, user);
  return context;
}

test("a release manager plans a staggered rollout and records a roll-back", async ({ browser }) => {
  const suffix = Date.now().toString(36);
  const rita = await contextAs(browser, "rm");
  const release = await planRelease(rita.request, {
    name: `Wallet ${suffix}`,
    version: `wallet:${suffix}`,
    type: "RELEASE",
  });

  // Rita plans three waves from the go-live; the dialog drafts them on possible days.
  const page = await rita.newPage();
  await page.goto(`/releases/${release.id}`);
  const rollout = page.getByTestId("rollout");
  await expect(rollout).toContainText("Big bang");
  await rollout.getByRole("button", { name: "Plan rollout" }).click();
  const dialog = page.getByRole("dialog", { name: "Plan the rollout" });
  await dialog.getByRole("radio", { name: "Staggered waves" }).click();
  await expect(dialog.getByTestId("rollout-row")).toHaveCount(3);
  await dialog.getByLabel("Label (optional)").first().fill("Staff");
  await dialog.getByRole("button", { name: "Save rollout" }).click();
  await expectToast(page, "Rollout planned: staggered waves.");
  await expect(rollout.getByTestId("rollout-step")).toHaveCount(3);
  await expect(rollout.getByTestId("rollout-step").first()).toContainText("10 % · Staff");

  // The release passes its stages and goes live (the workflow has its own tests).
  const quinn = await contextAs(browser, "qa");
  const kim = await contextAs(browser, "qa2");
  const ravi = await contextAs(browser, "rm2");
  const signers: [string, typeof quinn][] = [
    ["DEV", quinn],
    ["TEST", quinn],
    ["LAST", quinn],
    ["INT", quinn],
    ["PREPROD", quinn],
    ["PREPROD", kim],
    ["PROD", ravi],
  ];
  for (const [key, who] of signers) {
    const answer = await who.request.post(`/api/releases/${release.id}/stages/${key}/signoff`, {
      data: { decision: "APPROVE" },
    });
    expect(answer.status(), `${key} sign-off`).toBe(200);
  }

  // Live: the rollout is fixed; the first wave goes out.
  await page.reload();
  await expect(rollout.getByRole("button", { name: "Plan rollout" })).toHaveCount(0);
  await rollout.getByRole("button", { name: "Mark done" }).click();
  await expectToast(page, "Step 1 done.");
  await expect(rollout).toContainText("1 of 3 steps done");
  await expect(page.getByTestId("after-go-live")).toContainText("Under observation");

  // Production shows a problem: Rita rolls back and records it.
  await page.getByRole("button", { name: "Record outcome" }).click();
  const outcome = page.getByRole("dialog", { name: `Outcome of ${release.name}` });
  await outcome.getByRole("radio", { name: /Rolled back/ }).check();
  await outcome.getByLabel("Back to version").fill("wallet:previous");
  await outcome
    .getByLabel("What production showed")
    .fill("Wallet top-ups failed for 2% of staff; rolled back within the hour.");
  await outcome.getByRole("button", { name: "Record outcome" }).click();
  await expectToast(page, "Outcome of");
  const after = page.getByTestId("after-go-live");
  await expect(after.getByTestId("outcome")).toHaveText("Rolled back");
  await expect(after).toContainText("Rolled back to wallet:previous");
  await expect(page.getByTestId("audit-event").last()).toContainText(
    "Rita Manning recorded the outcome after go-live",
  );
  await page.screenshot({ path: "e2e/screenshots/rollout-and-rollback.png", fullPage: true });

  // The report counts it as a change failure, restored the same day.
  await page.goto("/reports");
  await expect(page.getByRole("region", { name: "After go-live (DORA)" })).toContainText(
    "Change failure rate",
  );

  for (const context of [rita, quinn, kim, ravi]) await context.close();
});
