import { expect, test } from "@playwright/test";

import { signInAs } from "../fixtures/auth";
import { expectToast } from "../fixtures/toast";

test("a viewer copies the calendar feed address, subscribes, and revokes it", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInAs(context, "viewer");
  await page.goto("/releases");
  await page.getByRole("button", { name: /^Account:/ }).click();
  await page.getByRole("link", { name: "Profile & calendar feed" }).click();
  await expect(page.getByRole("heading", { name: "Calendar feed" })).toBeVisible();

  const address = page.getByLabel("Feed address");
  const url = await address.inputValue();
  expect(url).toMatch(/\/api\/calendar\.ics\?token=/);
  await page.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await page.screenshot({ path: "e2e/screenshots/profile.png", fullPage: true });

  const feed = await page.request.get(url);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  const body = await feed.text();
  expect(body).toContain("BEGIN:VCALENDAR");
  expect(body).toMatch(/DTSTART;VALUE=DATE:\d{8}/);

  await page.getByRole("button", { name: "Revoke address" }).click();
  await page
    .getByRole("alertdialog")
    .getByRole("button", { name: "Revoke and create a new address" })
    .click();
  await expectToast(page, "no longer works");
  await expect(address).not.toHaveValue(url);
  expect((await page.request.get(url)).status()).toBe(404);
  expect((await page.request.get(await address.inputValue())).status()).toBe(200);
});
