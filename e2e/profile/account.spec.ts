import { expect, type Page, test } from "@playwright/test";

import { signInAs, signInWithPassword } from "../fixtures/auth";
import { expectToast } from "../fixtures/toast";

// A person's own account: changing the password (which signs out the other browsers), signing out
// one session from another, and what administrators see of every API token. Each journey works
// on a person of its own, so the demo accounts the other journeys sign in with stay as they are.

async function newPerson(page: Page, password: string) {
  const email = `account-${Date.now().toString(36)}@test.local`;
  const created = await page.request.post("/api/users", {
    data: { email, name: "Olga Owner", role: "QA", password },
  });
  expect(created.status()).toBe(201);
  return email;
}

test("a person changes her password; the other browsers are signed out, this one stays", async ({
  browser,
  page,
  context,
}) => {
  await signInAs(context, "admin");
  const email = await newPerson(page, "olga's first passphrase");
  const laptop = await browser.newContext();
  const phone = await browser.newContext();
  await signInWithPassword(laptop, email, "olga's first passphrase");
  await signInWithPassword(phone, email, "olga's first passphrase");
  const own = await laptop.newPage();
  await own.goto("/profile");

  const panel = own.getByRole("region", { name: "Password" });
  await panel.getByLabel("Current password").fill("not my password");
  await panel.getByLabel("New password", { exact: true }).fill("olga's second passphrase");
  await panel.getByLabel("New password again").fill("olga's second passphrase");
  await panel.getByRole("button", { name: "Change password" }).click();
  await expect(panel.getByText("The current password is not right.")).toBeVisible();

  await panel.getByLabel("Current password").fill("olga's first passphrase");
  await panel.getByLabel("New password", { exact: true }).fill("Password1234!");
  await panel.getByLabel("New password again").fill("Password1234!");
  await panel.getByRole("button", { name: "Change password" }).click();
  await expect(panel.getByText(/commonly breached passwords/)).toBeVisible();

  await panel.getByLabel("Current password").fill("olga's first passphrase");
  await panel.getByLabel("New password", { exact: true }).fill("olga's second passphrase");
  await panel.getByLabel("New password again").fill("olga's second passphrase");
  await panel.getByRole("button", { name: "Change password" }).click();
  await expectToast(own, /Password changed/);
  await expect(own.getByTestId("session")).toHaveCount(1);

  expect((await phone.request.get("/api/me/sessions")).status()).toBe(401);
  expect((await laptop.request.get("/api/me/sessions")).status()).toBe(200);
  const again = await browser.newContext();
  await signInWithPassword(again, email, "olga's second passphrase");
  expect((await again.request.get("/api/me/sessions")).status()).toBe(200);
  for (const other of [laptop, phone, again]) await other.close();
});

test("a person signs out another browser from the profile", async ({ browser, page, context }) => {
  await signInAs(context, "admin");
  const email = await newPerson(page, "olga's only passphrase");
  const desk = await browser.newContext({ userAgent: "Mozilla/5.0 (Macintosh) Firefox/140.0" });
  const kiosk = await browser.newContext({ userAgent: "Mozilla/5.0 (X11; Linux) Chrome/150.0" });
  await signInWithPassword(desk, email, "olga's only passphrase");
  await signInWithPassword(kiosk, email, "olga's only passphrase");
  const own = await desk.newPage();
  await own.goto("/profile");
  const sessions = own.getByTestId("session");
  await expect(sessions).toHaveCount(2);
  await expect(sessions.filter({ hasText: "This session" })).toContainText("Firefox");
  const other = sessions.filter({ hasNotText: "This session" });
  await expect(other).toContainText("Chrome");
  await other.getByRole("button", { name: "Sign out" }).click();
  await expectToast(own, "Session signed out.");
  await expect(sessions).toHaveCount(1);
  expect((await kiosk.request.get("/api/me/sessions")).status()).toBe(401);
  expect((await desk.request.get("/api/me/sessions")).status()).toBe(200);
  await desk.close();
  await kiosk.close();
});

test("an administrator sees every API token, bounds their lifetime and revokes one", async ({
  browser,
  page,
  context,
}) => {
  const name = `Release bot ${Date.now().toString(36)}`;
  const rita = await browser.newContext();
  await signInAs(rita, "rm");
  const created = await rita.request.post("/api/me/tokens", { data: { name, scope: "read" } });
  expect(created.status()).toBe(201);
  const { token, expiresAt } = (await created.json()) as { token: string; expiresAt: string };
  // No token lives forever: without an expiry it gets the longest lifetime, a year by default.
  expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(364 * 86_400_000);

  await signInAs(context, "admin");
  await page.goto("/admin/tokens");
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
  const row = page.getByRole("row").filter({ has: page.getByRole("cell", { name, exact: true }) });
  await expect(row).toContainText("Rita Manning");
  await expect(page.getByLabel("Longest lifetime of a new token (days)")).toHaveValue("365");
  await page.getByLabel("Longest lifetime of a new token (days)").fill("0");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("A token lives at least 1 day.")).toBeVisible();
  await page.getByLabel("Longest lifetime of a new token (days)").fill("90");
  await page.getByRole("button", { name: "Save" }).click();
  await expectToast(page, "New API tokens live at most 90 days.");
  await page.screenshot({ path: "e2e/screenshots/admin-tokens.png", fullPage: true });
  try {
    const shorter = await rita.request.post("/api/me/tokens", {
      data: { name: "Short-lived", scope: "read" },
    });
    const { expiresAt: soon } = (await shorter.json()) as { expiresAt: string };
    expect(Date.parse(soon) - Date.now()).toBeLessThanOrEqual(90 * 86_400_000);

    await row.getByRole("button", { name: `Revoke ${name}` }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Revoke" }).click();
    await expectToast(page, "Token revoked");
    await expect(row).toHaveCount(0);
    const refused = await page.request.get("/api/releases?limit=1", {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(refused.status()).toBe(401);
  } finally {
    await page.getByLabel("Longest lifetime of a new token (days)").fill("365");
    await page.getByRole("button", { name: "Save" }).click();
    await expectToast(page, "New API tokens live at most 365 days.");
    await rita.close();
  }
});
