import { expect, test } from "@playwright/test";

import { signInAs, signInWithForm } from "../fixtures/auth";
import { expectToast } from "../fixtures/toast";

// People and access, as an administrator and as the people they add.

test("an admin adds a QA user with a link; she sets her password and signs off a stage", async ({
  browser,
}) => {
  // Four people and a password hash in one journey: longer than the default time-out.
  test.setTimeout(60_000);
  const email = `nora.${Date.now()}@example.com`;

  // A release manager plans a release whose DEV the new QA will sign off.
  const manager = await browser.newContext();
  await signInAs(manager, "rm");
  const goLive = new Date(Date.now() + 70 * 86_400_000);
  while ([0, 6].includes(goLive.getUTCDay())) goLive.setUTCDate(goLive.getUTCDate() + 1);
  const planned = await manager.request.post("/api/releases", {
    data: {
      name: `Onboarding ${email}`,
      version: `onboarding:${Date.now()}`,
      type: "RELEASE",
      goLive: goLive.toISOString().slice(0, 10),
    },
  });
  // A holiday or freeze may refuse the day: take the nearest one offered.
  const release = planned.ok()
    ? await planned.json()
    : await (
        await manager.request.post("/api/releases", {
          data: {
            name: `Onboarding ${email}`,
            version: `onboarding:${Date.now()}`,
            type: "RELEASE",
            goLive: (await planned.json()).error.details.suggestions[1],
          },
        })
      ).json();
  await manager.close();

  const adminContext = await browser.newContext();
  await signInAs(adminContext, "admin");
  const admin = await adminContext.newPage();
  await admin.goto("/admin/users");
  await admin.getByRole("button", { name: "New user" }).click();
  const dialog = admin.getByRole("dialog", { name: "New user" });
  await dialog.getByLabel("Name").fill("Nora Nilsen");
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Role").selectOption("QA");
  await dialog.getByRole("button", { name: "Add user" }).click();
  const link = await dialog.getByLabel("Set-password link").inputValue();
  expect(link).toMatch(/\/set-password\?token=/);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(admin.getByTestId("user-row").filter({ hasText: email })).toContainText(
    "No password yet",
  );
  await admin.screenshot({ path: "e2e/screenshots/admin-users.png", fullPage: true });

  const nora = await browser.newPage();
  await nora.goto(link);
  await expect(nora.getByText(`for Nora Nilsen · ${email}`)).toBeVisible();
  await nora.getByLabel("New password", { exact: true }).fill("short");
  await nora.getByLabel("New password again").fill("short");
  await nora.getByRole("button", { name: "Set password" }).click();
  await expect(nora.getByText("Use at least 12 characters.")).toBeVisible();
  await nora.getByLabel("New password", { exact: true }).fill("nora's first passphrase");
  await nora.getByLabel("New password again").fill("nora's first passphrase");
  await nora.getByRole("button", { name: "Set password" }).click();
  await nora.getByRole("link", { name: "Sign in" }).click();
  await expect(nora.getByLabel("Email")).toHaveValue(email);
  await nora.getByLabel("Password").fill("nora's first passphrase");
  await nora.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(nora.getByRole("button", { name: /Account: Nora Nilsen, QA/ })).toBeVisible();

  await nora.goto(`/releases/${release.id}`);
  await nora.getByTestId("stage-DEV").getByRole("button", { name: "Sign off" }).click();
  await nora.getByRole("alertdialog").getByRole("button", { name: "Sign off" }).click();
  await expectToast(nora, "DEV approved.");
  await expect(nora.getByTestId("stage-DEV")).toContainText("Approved by Nora Nilsen");

  // The link worked once.
  await nora.goto(link);
  await expect(nora.getByText("This link has expired or was used already.")).toBeVisible();
  await adminContext.close();
});

test("an admin cannot demote the last admin and deactivates a user, who is signed out", async ({
  browser,
}) => {
  const adminContext = await browser.newContext();
  await signInAs(adminContext, "admin");
  // Other admins (e.g. from single sign-on) step down first: Alex Morgan is the last one.
  const admins = await (await adminContext.request.get("/api/users?role=ADMIN&active=true")).json();
  for (const other of admins as { id: string; email: string }[]) {
    if (other.email === "admin@demo.local") continue;
    await adminContext.request.patch(`/api/users/${other.id}`, { data: { isActive: false } });
  }
  const admin = await adminContext.newPage();
  await admin.goto("/admin/users?q=admin%40demo.local");
  await admin.getByLabel("Role of Alex Morgan").selectOption("QA");
  await expect(
    admin.getByRole("alert").filter({ hasText: "last active administrator" }),
  ).toBeVisible();

  const viewerContext = await browser.newContext();
  await signInAs(viewerContext, "viewer");
  const viewer = await viewerContext.newPage();
  await viewer.goto("/timeline");
  await expect(viewer.getByRole("heading", { name: "Timeline" })).toBeVisible();

  await admin.goto("/admin/users?q=viewer%40demo.local");
  await admin.getByRole("button", { name: "Deactivate" }).click();
  await admin.getByRole("alertdialog").getByRole("button", { name: "Deactivate" }).click();
  await expectToast(admin, "is deactivated and signed out");
  await viewer.reload();
  await expect(viewer).toHaveURL(/\/signin/);

  await admin.getByRole("button", { name: "Reactivate" }).click();
  await expectToast(admin, "is active again");
  await adminContext.close();
  await viewerContext.close();
});

test("a person creates an API token, sees it once, uses it and revokes it", async ({
  page,
  context,
}) => {
  await signInAs(context, "qa2");
  await page.goto("/profile");
  await page.getByLabel("Name", { exact: true }).fill("Nightly smoke test");
  await page.getByLabel("Scope").selectOption("read");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = await page.getByLabel("New API token").inputValue();
  expect(token).toMatch(/^rc_/);
  await page.screenshot({ path: "e2e/screenshots/profile.png", fullPage: true });

  const api = await page.request.get("/api/releases?limit=1", {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(api.status()).toBe(200);
  const write = await page.request.post("/api/me/tokens", {
    headers: { authorization: `Bearer ${token}` },
    data: { name: "x", scope: "read" },
  });
  expect(write.status()).toBe(403);

  await page.reload();
  await expect(page.getByLabel("New API token")).toHaveCount(0);
  await page.getByRole("button", { name: "Revoke Nightly smoke test" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke" }).click();
  await expectToast(page, "Token revoked");
  const after = await page.request.get("/api/releases", {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(after.status()).toBe(401);
});

test("a viewer reaches no administration page", async ({ page, context }) => {
  await signInAs(context, "viewer");
  for (const path of ["/admin/users", "/admin/tokens"]) {
    await page.goto(path);
    await expect(
      page.getByRole("heading", { name: "You don't have access to this page" }),
    ).toBeVisible();
  }
});

test("cookie writes from another site are refused; oversized bodies too", async ({ context }) => {
  await signInAs(context, "rm");
  const crossSite = await context.request.post("/api/releases", {
    headers: { origin: "https://attacker.example" },
    data: { name: "CSRF", version: "csrf:1", type: "RELEASE", goLive: "2027-06-15" },
  });
  expect(crossSite.status()).toBe(403);
  expect((await crossSite.json()).error.code).toBe("CROSS_ORIGIN");
  const big = await context.request.post("/api/plan", {
    headers: { "content-type": "application/json" },
    data: `{"goLive": "${"x".repeat(1_100_000)}"}`,
  });
  expect(big.status()).toBe(413);
  const page = await context.newPage();
  const response = await page.goto("/timeline");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
});

test.describe("sign-in page", () => {
  test("offers single sign-on and, with the embedded demo, the demo accounts", async ({ page }) => {
    await page.goto("/signin");
    await expect(page.getByRole("button", { name: "Sign in with Acme SSO" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Demo accounts" })).toHaveCount(
      process.env.TEST_DATABASE_URL ? 0 : 1,
    );
    await signInWithForm(page, "nobody@example.com", "not a password");
    await expect(
      page.getByRole("alert").filter({ hasText: "Email or password is incorrect." }),
    ).toBeVisible();
  });
});
