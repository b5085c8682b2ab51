import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

import { expect, test } from "@playwright/test";

import { signInAs } from "../fixtures/auth";
import { expectNoSeriousA11yViolations } from "../fixtures/axe";
import { expectToast } from "../fixtures/toast";

// An admin connects a chat tool: adds a signed webhook, sends a test event, and sees it delivered
// in the log; people choose which emails they get on their profile.

test("an admin adds a webhook, sends a test event and sees it delivered", async ({
  page,
  context,
}) => {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const receiver = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/${Date.now()}`;
  const secret = "chat-tool-signing-secret-42";

  try {
    await signInAs(context, "admin");
    await page.goto("/admin/notifications");
    await expect(page.getByRole("heading", { name: "Webhooks" })).toBeVisible();
    await expect(page.getByText("No mail server is configured")).toBeVisible();

    await page.getByText("Add a webhook").click();
    await page.getByLabel("URL").fill(url);
    await page.getByLabel("Signing secret").fill(secret);
    await page.getByLabel("Description (optional)").fill("Release channel");
    await page.getByRole("button", { name: "Add webhook" }).click();
    await expectToast(page, `Webhook to ${url} added.`);

    const hook = page.getByTestId("webhook").filter({ hasText: url });
    await expect(hook).toContainText("stage.signed_off");
    await hook.getByRole("button", { name: "Send test event" }).click();
    await expectToast(page, /Test event queued/);
    await expect.poll(() => received.length, { timeout: 15_000 }).toBe(1);
    const [delivery] = received;
    expect(delivery!.headers["x-release-calendar-event"]).toBe("webhook.test");
    expect(delivery!.headers["x-release-calendar-signature"]).toBe(
      `sha256=${createHmac("sha256", secret).update(delivery!.body).digest("hex")}`,
    );

    await expect(async () => {
      await page.reload();
      await expect(
        page.getByTestId("webhook").filter({ hasText: url }).getByTestId("delivery-row"),
      ).toContainText("Delivered");
    }).toPass({ timeout: 15_000 });
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: "e2e/screenshots/admin-notifications.png", fullPage: true });

    await page
      .getByTestId("webhook")
      .filter({ hasText: url })
      .getByRole("button", { name: "Remove" })
      .click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Remove webhook" }).click();
    await expectToast(page, /Webhook removed/);
    await expect(page.getByTestId("webhook").filter({ hasText: url })).toHaveCount(0);
  } finally {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});

test("a QA chooses which emails she gets", async ({ page, context }) => {
  await signInAs(context, "qa");
  await page.goto("/profile");
  const panel = page.getByRole("region", { name: "Email notifications" });
  const goLive = panel.getByRole("checkbox", { name: /Go-live tomorrow/ });
  await expect(goLive).toBeChecked();
  await goLive.uncheck();
  await panel.getByRole("button", { name: "Save email choices" }).click();
  await expectToast(page, "Email choices saved.");
  await page.reload();
  await expect(
    page
      .getByRole("region", { name: "Email notifications" })
      .getByRole("checkbox", { name: /Go-live tomorrow/ }),
  ).not.toBeChecked();
  const answer = await context.request.get("/api/me/notifications");
  expect((await answer.json()).email).toMatchObject({ goLiveTomorrow: false, rejected: true });
  await page
    .getByRole("region", { name: "Email notifications" })
    .screenshot({ path: "e2e/screenshots/profile-notifications.png" });
});
