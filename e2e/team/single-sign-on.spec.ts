import { expect, type Page, test } from "@playwright/test";

import { signInAs } from "../fixtures/auth";
import { IDP_ISSUER } from "../support/identity-provider";

// Single sign-on through a real OpenID Connect provider (oidc-provider on loopback, started by
// scripts/e2e-server.ts): its own login page, groups mapped to roles, and a refused client secret.

async function signInThroughProvider(page: Page, login: string): Promise<void> {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with Acme SSO" }).click();
  await expect(page).toHaveURL(new RegExp(`^${IDP_ISSUER}/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

test("signs in through the identity provider; the role follows the group claim", async ({
  page,
  browser,
}) => {
  const login = `sso-qa-${Date.now()}`;
  await signInThroughProvider(page, login);
  await expect(page).toHaveURL(/\/timeline|\/$/);
  await expect(page.getByRole("button", { name: /Account: .*, QA/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);

  const adminContext = await browser.newContext();
  await signInAs(adminContext, "admin");
  const users = await adminContext.request.get(`/api/users?q=${login}`);
  expect(await users.json()).toEqual([
    expect.objectContaining({
      email: `${login}@sso.example`,
      role: "QA",
      hasSso: true,
      hasPassword: false,
    }),
  ]);
  await adminContext.close();

  const admin = `sso-admin-${Date.now()}`;
  const other = await browser.newPage();
  await signInThroughProvider(other, admin);
  await expect(other.getByRole("link", { name: "Admin" })).toBeVisible();
  await other.close();
});

test("a refused client secret ends on the sign-in page with a clear message", async ({ page }) => {
  await fetch(`${IDP_ISSUER}/__e2e__/client-secret`, { method: "POST", body: "reject" });
  try {
    await signInThroughProvider(page, `sso-qa-refused-${Date.now()}`);
    await expect(page).toHaveURL(/\/signin\?.*error=OAuthCallback/);
    await expect(
      page.getByRole("alert").filter({ hasText: "refused the app's credentials" }),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: /Account:/ })).toHaveCount(0);
  } finally {
    await fetch(`${IDP_ISSUER}/__e2e__/client-secret`, { method: "POST", body: "accept" });
  }
});
