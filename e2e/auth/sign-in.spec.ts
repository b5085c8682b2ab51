import { expect, test } from "@playwright/test";

import { ROLE_NAMES } from "../../lib/domain/stages";
import { DEMO_USERS, signInWithForm } from "../fixtures/auth";
import { timelineRow } from "../fixtures/releases";

test.describe("sign-in", () => {
  test("an anonymous visit redirects to the sign-in page and back after signing in", async ({
    page,
  }) => {
    await page.goto("/releases?type=PATCH");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
    await expect(page.getByRole("heading", { name: "Sign in to Release Calendar" })).toBeVisible();
    await page.screenshot({ path: "e2e/screenshots/sign-in.png", fullPage: true });

    await signInWithForm(page, "rm@demo.local", "demo-rm");
    await expect(page).toHaveURL(/\/releases\?type=PATCH$/);
    await expect(page.getByRole("heading", { name: "Releases" })).toBeVisible();
  });

  for (const user of DEMO_USERS) {
    test(`${ROLE_NAMES[user.role]} ${user.email} signs in and sees the releases`, async ({
      page,
    }) => {
      await page.goto("/signin");
      await signInWithForm(page, user.email, user.password);
      await expect(page).toHaveURL(/\/timeline$/);
      await expect(
        page.getByRole("button", { name: `Account: ${user.name}, ${ROLE_NAMES[user.role]}` }),
      ).toBeVisible();
      await expect(timelineRow(page, "Payments API 3.4.0")).toBeVisible();
      await page
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: "Releases" })
        .click();
      await expect(page.getByTestId("release-row").first()).toBeVisible();
      await expect(
        page.getByRole("cell", { name: /Customer Portal 2026\.11\b/ }).first(),
      ).toBeVisible();
    });
  }

  test("a wrong password shows an error and does not sign in", async ({ page }) => {
    await page.goto("/signin");
    await signInWithForm(page, "rm@demo.local", "not-the-password");
    await expect(
      page.getByRole("alert").filter({ hasText: "Email or password is incorrect." }),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/signin/);
    await page.goto("/releases");
    await expect(page).toHaveURL(/\/signin/);
  });

  test("empty fields are explained next to the field", async ({ page }) => {
    await page.goto("/signin");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByText("Enter your email address.")).toBeVisible();
    await expect(page.getByText("Enter your password.")).toBeVisible();
    // An address the browser does not accept as one is named as such, and nothing is sent.
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Password").fill("whatever");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByText("Enter a valid email address.")).toBeVisible();
    await expect(page.getByText("Enter your password.")).toBeHidden();
    await expect(page).toHaveURL(/\/signin/);
  });

  test("signing out ends the session on the server: a copied cookie stops working at once", async ({
    page,
    playwright,
  }) => {
    await page.goto("/signin");
    await signInWithForm(page, "viewer@demo.local", "demo-viewer");
    await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();
    // Someone copies the session cookie (a shared machine, a leaked HAR file).
    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => cookie.name.endsWith("next-auth.session-token"))!;
    const copied = await playwright.request.newContext({
      baseURL: test.info().project.use.baseURL,
      extraHTTPHeaders: { cookie: `${session.name}=${session.value}` },
    });
    expect((await copied.get("/api/me/sessions")).status()).toBe(200);

    await page.getByRole("button", { name: /^Account:/ }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    await page.goto("/releases");
    await expect(page).toHaveURL(/\/signin/);
    const afterwards = await copied.get("/api/me/sessions");
    expect(afterwards.status()).toBe(401);
    await copied.dispose();
  });

  test("the session list shows the connection's address, not one the client made up", async ({
    page,
  }) => {
    await page.context().setExtraHTTPHeaders({
      "x-forwarded-for": "203.0.113.66",
      "x-release-calendar-client-address": "198.51.100.66",
    });
    await page.goto("/signin");
    await signInWithForm(page, "qa2@demo.local", "demo-qa2");
    await expect(page.getByRole("heading", { name: "Timeline" })).toBeVisible();
    const sessions = (await (await page.request.get("/api/me/sessions")).json()) as {
      ipAddress: string | null;
    }[];
    expect(sessions[0]!.ipAddress).toBe("127.0.0.1");
    await page.goto("/profile");
    const current = page.getByTestId("session").filter({ hasText: "This session" });
    await expect(current).toContainText("from 127.0.0.1");
    await expect(
      page.getByTestId("session").filter({ hasText: /203\.0\.113\.66|198\.51\.100\.66/ }),
    ).toHaveCount(0);
  });
});
