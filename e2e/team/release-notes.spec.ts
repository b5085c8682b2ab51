import { expect, test } from "@playwright/test";

import { signInAs } from "../fixtures/auth";
import { expectNoSeriousA11yViolations } from "../fixtures/axe";
import { planRelease } from "../fixtures/releases";
import { expectToast } from "../fixtures/toast";

// Release notes for the people who wait: a release manager writes a release's notes with a live
// preview and publishes them; a viewer watches the product and reads the notes on its page.

/** A product of the journey's own, owned by the demo release manager. */
async function newProduct(request: import("@playwright/test").APIRequestContext) {
  const suffix = Date.now().toString(36);
  const [rita] = (await (await request.get("/api/users?q=rm@demo.local")).json()) as {
    id: string;
  }[];
  const key = `wallet-${suffix}`;
  const name = `Wallet ${suffix}`;
  const created = await request.post("/api/products", {
    data: { key, name, ownerIds: [rita!.id] },
  });
  expect(created.status()).toBe(201);
  return { key, name, suffix };
}

test("a release manager writes notes with a preview and publishes them", async ({
  page,
  context,
}) => {
  await signInAs(context, "rm");
  const { key, name, suffix } = await newProduct(context.request);
  const release = await planRelease(context.request, {
    name: `${name} 4.2`,
    version: `4.2.0-${suffix}`,
    type: "RELEASE",
    product: key,
  });

  await page.goto(`/releases/${release.id}`);
  const panel = page.getByRole("region", { name: "Release notes" });
  await expect(panel).toContainText("No notes yet.");
  await panel.getByRole("button", { name: "Write notes" }).click();
  await panel
    .getByLabel("Markdown")
    .fill(
      "### Features\n\n- **Refunds** in one call ([docs](https://docs.example.com/refunds))\n- Wallet export as CSV\n\n### Fixes\n\n- Totals round half up\n\n<script>alert('x')</script>",
    );
  // The preview is the server's rendering: the Markdown formatted, the script gone.
  const preview = panel.getByTestId("notes-preview");
  await expect(preview.locator("strong")).toHaveText("Refunds");
  await expect(preview.getByRole("link", { name: "docs" })).toHaveAttribute(
    "href",
    "https://docs.example.com/refunds",
  );
  await expect(preview).not.toContainText("alert");
  await expectNoSeriousA11yViolations(page);
  await panel.screenshot({ path: "e2e/screenshots/release-notes-editor.png" });

  await panel.getByRole("button", { name: "Save notes" }).click();
  await expectToast(page, "Release notes saved.");
  await expect(panel.getByText("Draft", { exact: true })).toBeVisible();
  await expect(panel.getByTestId("notes-html").getByRole("listitem")).toHaveCount(3);
  await panel.getByRole("button", { name: "Publish" }).click();
  await expectToast(page, "Release notes published.");
  await expect(panel.getByText("Published", { exact: true })).toBeVisible();
  await expect(panel.getByRole("button", { name: "Publish" })).toHaveCount(0);
  await expect(
    page.getByTestId("audit-event").filter({ hasText: "published the release notes" }),
  ).toHaveCount(1);
  await page.screenshot({ path: "e2e/screenshots/release-notes.png", fullPage: true });
});

test("a viewer watches a product and reads what is coming on its page", async ({
  browser,
  page,
  context,
}) => {
  const rm = await browser.newContext();
  await signInAs(rm, "rm");
  const { key, name, suffix } = await newProduct(rm.request);
  const release = await planRelease(rm.request, {
    name: `${name} 5.0`,
    version: `5.0.0-${suffix}`,
    type: "RELEASE",
    product: key,
  });
  const pushed = await rm.request.put(`/api/releases/${release.id}/notes`, {
    data: {
      commits: [
        { sha: "4f2a9c1e", message: "feat(wallet): pay with a saved card" },
        { sha: "9b1d7e03", message: "fix: receipts show the right currency" },
      ],
    },
  });
  expect(pushed.status()).toBe(200);
  expect((await rm.request.post(`/api/releases/${release.id}/notes/publish`)).status()).toBe(200);
  await rm.close();

  await signInAs(context, "viewer");
  await page.goto(`/products/${key}`);
  const news = page.getByRole("region", { name: "Coming and shipped" });
  const coming = news.getByRole("list", { name: "Coming go-lives" });
  await expect(coming).toContainText(`${name} 5.0`);
  await coming.getByText("What's new").click();
  await expect(coming.getByTestId("notes-html")).toContainText("wallet: pay with a saved card");
  await expect(coming.getByTestId("notes-html")).toContainText("receipts show the right currency");
  await expect(news.getByLabel("Address of the release notes feed")).toHaveValue(
    new RegExp(`/api/products/${key}/notes\\.atom\\?token=`),
  );

  await page.getByRole("button", { name: "Watch product" }).click();
  await expectToast(page, "You now watch this product.");
  await expect(page.getByRole("button", { name: "Stop watching" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: "e2e/screenshots/product-news.png", fullPage: true });

  // The release page knows it is watched through the product; the profile lists the watch.
  await page.goto(`/releases/${release.id}`);
  await expect(page.getByText(`Watching ${name}`)).toBeVisible();
  await page.goto("/profile");
  const watching = page.getByRole("region", { name: "Watching" });
  await expect(watching).toContainText(name);
  await watching.getByRole("button", { name: "Stop watching" }).click();
  await expectToast(page, "You no longer watch this product.");
  await expect(watching).toContainText("You watch nothing yet.");
});
