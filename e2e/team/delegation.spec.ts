import { type Browser, expect, test } from "@playwright/test";

import type { DemoUserKey } from "../../lib/demo-users";
import { signInAs } from "../fixtures/auth";
import { planRelease } from "../fixtures/releases";
import { expectToast } from "../fixtures/toast";

// A QA who is the named approver of a product's TEST stage goes on leave and names a deputy; the
// deputy signs in her name; the approval and the audit trail show both people.

async function contextAs(browser: Browser, user: DemoUserKey) {
  const context = await browser.newContext();
  await signInAs(context, user);
  return context;
}

test("a QA on leave names a deputy, who signs her stage; both are recorded", async ({
  browser,
}) => {
  const suffix = Date.now().toString(36);
  const kim = await contextAs(browser, "qa2");
  const kimId = (await (await kim.request.get("/api/users?q=qa2@demo.local")).json())[0].id;

  // Rita owns a new product whose TEST only Kim signs, and plans a release of it; Quinn signs DEV.
  const rita = await contextAs(browser, "rm");
  const product = `cards-${suffix}`;
  const created = await rita.request.post("/api/products", {
    data: { key: product, name: `Cards ${suffix}`, ownerIds: [] },
  });
  expect(created.status()).toBe(201);
  const named = await rita.request.put(`/api/products/${product}/approvers/TEST`, {
    data: { userIds: [kimId] },
  });
  // Rita is not an owner yet: only owners and admins name approvers.
  expect(named.status()).toBe(403);
  const admin = await contextAs(browser, "admin");
  expect(
    (
      await admin.request.put(`/api/products/${product}/approvers/TEST`, {
        data: { userIds: [kimId] },
      })
    ).status(),
  ).toBe(200);
  const release = await planRelease(rita.request, {
    name: `Cards ${suffix}`,
    version: `cards:${suffix}`,
    type: "RELEASE",
    product,
  });
  const quinn = await contextAs(browser, "qa");
  expect(
    (
      await quinn.request.post(`/api/releases/${release.id}/stages/DEV/signoff`, {
        data: { decision: "APPROVE" },
      })
    ).status(),
  ).toBe(200);
  // Not named for TEST, Quinn may not sign it…
  const refused = await quinn.request.post(`/api/releases/${release.id}/stages/TEST/signoff`, {
    data: { decision: "APPROVE" },
  });
  expect(refused.status()).toBe(403);

  // …until Kim, going on leave today, names Quinn her deputy on her profile.
  const kimPage = await kim.newPage();
  await kimPage.goto("/profile");
  const panel = kimPage.getByRole("region", { name: "Absence and deputy" });
  await panel.getByLabel("Deputy").selectOption({ label: "Quinn Adler · QA" });
  const today = await panel.getByLabel("First day away").inputValue();
  const back = new Date(`${today}T00:00:00Z`);
  back.setUTCDate(back.getUTCDate() + 4);
  await panel.getByLabel("Last day away").fill(back.toISOString().slice(0, 10));
  await panel.getByRole("button", { name: "Name deputy" }).click();
  await expect(panel.getByTestId("delegation-given")).toContainText("Quinn Adler");
  await expect(panel.getByTestId("delegation-given")).toContainText("Now");

  // Quinn finds Kim's stage in "My approvals", marked for Kim, and signs it there.
  const quinnPage = await quinn.newPage();
  await quinnPage.goto("/approvals");
  const item = quinnPage.getByTestId("approval-item").filter({ hasText: release.name });
  await expect(item.getByTestId("deputy-for")).toHaveText("for Kim Asante");
  await item.getByRole("button", { name: "Sign off for Kim Asante" }).click();
  const dialog = quinnPage.getByRole("alertdialog");
  await expect(dialog).toContainText("as deputy for Kim Asante");
  await dialog.getByRole("textbox").fill("Regression suite green; Kim is on leave.");
  await dialog.getByRole("button", { name: "Sign off" }).click();
  await expectToast(quinnPage, "TEST approved.");

  // The release shows who signed, for whom, and the audit trail says so.
  await quinnPage.goto(`/releases/${release.id}`);
  await expect(quinnPage.getByTestId("stage-TEST")).toContainText("Signed off");
  await expect(quinnPage.getByTestId("stage-TEST").getByTestId("approval-deputy")).toHaveText(
    "as deputy for Kim Asante",
  );
  const approved = quinnPage
    .getByTestId("audit-event")
    .filter({ hasText: "Quinn Adler approved TEST" });
  await expect(approved.getByTestId("audit-deputy")).toHaveText("as deputy for Kim Asante");
  await quinnPage.screenshot({ path: "e2e/screenshots/deputy-approval.png", fullPage: true });

  // Kim comes back early and ends the delegation; Quinn no longer stands in for her.
  await kimPage.reload();
  await panel.getByTestId("delegation-given").getByRole("button", { name: "End" }).click();
  await kimPage.getByRole("alertdialog").getByRole("button", { name: "End delegation" }).click();
  await expectToast(kimPage, "Delegation ended");
  await expect(panel.getByText("Nobody stands in for you.")).toBeVisible();

  for (const context of [kim, rita, admin, quinn]) await context.close();
});
