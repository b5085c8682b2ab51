import { type Browser, expect, test } from "@playwright/test";

import type { DemoUserKey } from "../../lib/demo-users";
import { signInAs } from "../fixtures/auth";
import { expectNoSeriousA11yViolations } from "../fixtures/axe";
import { expectToast } from "../fixtures/toast";

// A release manager creates a product of her own, names its owners and the person who signs its
// TEST stage; another release manager, who owns nothing there, may read it but not change it.

async function pageAs(browser: Browser, user: DemoUserKey) {
  const context = await browser.newContext();
  await signInAs(context, user);
  return context.newPage();
}

test("a release manager creates a product, names owners and approvers; others only read it", async ({
  browser,
}) => {
  const name = `Ledger ${Date.now().toString(36)}`;
  const rita = await pageAs(browser, "rm");
  await rita.goto("/products");
  await rita.getByRole("button", { name: "New product" }).click();
  const dialog = rita.getByRole("dialog", { name: "New product" });
  await dialog.getByLabel("Name").fill(name);
  await expect(dialog.getByLabel("Key")).toHaveValue(name.toLowerCase().replace(" ", "-"));
  await dialog.getByRole("checkbox", { name: /Rita Manning/ }).check();
  await dialog.getByRole("button", { name: "Create product" }).click();
  await expect(rita.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(rita.getByRole("region", { name: "Owners" })).toContainText("Rita Manning");

  await rita.getByRole("button", { name: "Name approvers of TEST" }).click();
  const approvers = rita.getByRole("dialog", { name: "Who signs Test?" });
  await approvers.getByRole("checkbox", { name: /Quinn Adler/ }).check();
  await approvers.getByRole("button", { name: "Save" }).click();
  await expect(approvers).toBeHidden();
  await expect(rita.getByTestId("approvers-TEST")).toContainText("Quinn Adler");
  await expect(rita.getByTestId("approvers-LAST")).toContainText("Any QA");
  await expectNoSeriousA11yViolations(rita);
  await rita.screenshot({ path: "e2e/screenshots/product.png", fullPage: true });

  // Ravi owns nothing here: no edit, no approvers to name, and the API refuses him too.
  const ravi = await pageAs(browser, "rm2");
  await ravi.goto(rita.url());
  await expect(ravi.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(ravi.getByRole("button", { name: "Edit" })).toHaveCount(0);
  await expect(ravi.getByRole("button", { name: /^Name approvers/ })).toHaveCount(0);
  await expect(ravi.getByText("Administrators and the product's owners name them.")).toBeVisible();
  const key = new URL(rita.url()).pathname.split("/").at(-1)!;
  const takeover = await ravi.request.patch(`/api/products/${key}`, {
    data: { ownerIds: [] },
    headers: { origin: new URL(rita.url()).origin },
  });
  expect(takeover.status()).toBe(403);

  // Rita hands it over: she adds Ravi as an owner, and he may change it now.
  await rita.getByRole("button", { name: "Edit" }).click();
  const edit = rita.getByRole("dialog", { name: `Edit ${name}` });
  await edit.getByRole("checkbox", { name: /Ravi Mehta/ }).check();
  await edit.getByRole("button", { name: "Save" }).click();
  await expectToast(rita, /saved|changed/i);
  await ravi.reload();
  await expect(ravi.getByRole("button", { name: "Edit" })).toBeVisible();
  await rita.context().close();
  await ravi.context().close();
});
