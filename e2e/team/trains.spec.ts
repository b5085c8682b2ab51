import { expect, test } from "@playwright/test";

import { signInAs } from "../fixtures/auth";
import { expectNoSeriousA11yViolations } from "../fixtures/axe";
import { expectToast } from "../fixtures/toast";

// A product owner sets up a release train for her product and plans its next six releases in one
// step; the timeline marks the train's coming dates above them.

/** A Tuesday about `days` ahead. */
function tuesdayIn(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  while (date.getUTCDay() !== 2) date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

test("a product owner sets up a release train and plans its next six releases", async ({
  page,
  context,
}) => {
  await signInAs(context, "rm");
  const suffix = Date.now().toString(36);
  const key = `cards-${suffix}`;
  const name = `Cards ${suffix}`;
  const [rita] = (await (await context.request.get("/api/users?q=rm@demo.local")).json()) as {
    id: string;
  }[];
  const created = await context.request.post("/api/products", {
    data: { key, name, ownerIds: [rita!.id] },
  });
  expect(created.status()).toBe(201);

  await page.goto(`/products/${key}`);
  const section = page.getByRole("region", { name: "Release train" });
  await expect(section).toContainText("No release train.");
  await section.getByRole("button", { name: "Set up a train" }).click();
  const dialog = page.getByRole("dialog", { name: `Set up a release train for ${name}` });
  await dialog.getByLabel("Cadence").selectOption({ label: "Every 4 weeks on Tuesday" });
  await expect(dialog.getByLabel("Recurrence rule (RFC 5545)")).toHaveValue(
    "FREQ=WEEKLY;INTERVAL=4;BYDAY=TU",
  );
  await dialog.getByLabel("First go-live").fill(tuesdayIn(100));
  await dialog.getByLabel("Release names").fill(`${name} {year}.{n}`);
  await dialog.getByRole("button", { name: "Save train" }).click();
  await expectToast(page, "Release train saved: every 4 weeks on Tuesday.");
  await expect(section.getByTestId("train")).toContainText("every 4 weeks on Tuesday");
  await expect(
    section.getByRole("list", { name: "Next train dates" }).getByRole("listitem"),
  ).toHaveCount(6);

  await section.getByRole("button", { name: "Plan the next releases" }).click();
  const plan = page.getByRole("dialog", { name: "Plan the next releases of the train" });
  const items = plan.getByTestId("train-item");
  await expect(items).toHaveCount(6);
  await expect(items.first()).toContainText(`${name} `);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: "e2e/screenshots/train-plan.png" });
  await plan.getByRole("button", { name: "Create 6 releases" }).click();
  await expectToast(page, /^6 releases planned/);
  await expect(page.getByRole("link", { name: /6 releases/ })).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/train.png", fullPage: true });

  // The timeline of the product marks the coming train dates above its releases.
  await page.goto(`/timeline?product=${key}&zoom=year`);
  await expect(page.getByTestId("train-row")).toHaveCount(1);
  expect(await page.getByTestId("train-mark").count()).toBeGreaterThanOrEqual(6);
  await expect(page.getByTestId("timeline-row")).toHaveCount(6);
  await page.screenshot({ path: "e2e/screenshots/timeline-train.png" });

  // Planning again starts after the dates already planned: no train date twice.
  const again = await context.request.post(`/api/products/${key}/train/preview`, {
    data: { count: 1 },
  });
  const [next] = (await again.json()) as { trainDate: string }[];
  const releases = (await (await context.request.get(`/api/releases?product=${key}`)).json()) as {
    baselineGoLive: string;
  }[];
  expect(releases).toHaveLength(6);
  expect(releases.every((release) => release.baselineGoLive < next!.trainDate)).toBe(true);
});
