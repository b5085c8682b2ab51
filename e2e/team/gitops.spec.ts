import { expect, test } from "@playwright/test";

import { startGitServer } from "../../tests/support/git-server";
import { signInAs } from "../fixtures/auth";
import { expectNoSeriousA11yViolations } from "../fixtures/axe";
import { planRelease, timelineRow } from "../fixtures/releases";
import { expectToast } from "../fixtures/toast";

// Promotion through Git: a product owner points the product at its deployment repository (a real
// Git server on loopback, git http-backend behind basic auth) and tests the connection; QA signs
// TEST off on the release page, and the calendar commits the release's tag into LAST's values
// file: the release page shows the promotion pushed, with its commit.

const CREDENTIALS = { username: "calendar", password: "e2e-gitops-token" };
const VALUES = `# LAST values, promoted by Release Calendar
image:
  repository: registry.example.com/ledger
  tag: "0.1.0"   # written by the calendar
`;

test("an owner sets up GitOps, and a QA sign-off pushes the promotion", async ({
  browser,
  page,
  context,
}) => {
  // A Git server, a product, a release and the worker's commit: more than the default half minute.
  test.setTimeout(90_000);
  const server = await startGitServer(CREDENTIALS);
  try {
    const repository = server.createRepository("deploy", { "envs/last/values.yaml": VALUES });
    const suffix = Date.now().toString(36);
    const key = `ledger-${suffix}`;
    const name = `Ledger ${suffix}`;

    await signInAs(context, "rm");
    const [rita] = (await (await context.request.get("/api/users?q=rm@demo.local")).json()) as {
      id: string;
    }[];
    const created = await context.request.post("/api/products", {
      data: { key, name, ownerIds: [rita!.id] },
    });
    expect(created.status()).toBe(201);

    await page.goto(`/products/${key}`);
    const section = page.getByRole("region", { name: "Promotion through Git" });
    await expect(section).toContainText("Not set up");
    await section.getByRole("button", { name: "Set up GitOps" }).click();
    const dialog = page.getByRole("dialog", { name: `GitOps target of ${name}` });
    await dialog.getByLabel("Repository").fill(repository);
    await dialog.getByLabel("User name").fill(CREDENTIALS.username);
    await dialog.getByLabel("Access token").fill(CREDENTIALS.password);
    await dialog.getByLabel("Author email").fill("calendar@example.com");
    await dialog.getByRole("checkbox", { name: "LAST" }).check();
    await dialog.getByLabel("LAST file").fill("envs/last/values.yaml");
    await expect(dialog.getByLabel("LAST tag key")).toHaveValue("image.tag");
    await expectNoSeriousA11yViolations(page);
    await page.screenshot({ path: "e2e/screenshots/gitops-dialog.png" });
    await dialog.getByRole("button", { name: "Save target" }).click();
    await expectToast(page, "GitOps target saved.");
    await expect(section.getByTestId("gitops-target")).toContainText("token kept");
    await expect(section.getByTestId("gitops-target")).toContainText(
      "LAST envs/last/values.yaml: image.tag ← TAG",
    );
    await section.getByRole("button", { name: "Test connection" }).click();
    await expectToast(page, /^Branch main found at [0-9a-f]{12}\.$/);
    await page.screenshot({ path: "e2e/screenshots/product-gitops.png" });

    // A release of the product, DEV signed off; QA signs TEST off on the release page.
    const release = await planRelease(context.request, {
      name: `${name} 2.0`,
      version: `registry.example.com/ledger:2.0.${suffix}`,
      type: "RELEASE",
      product: key,
    });
    const qa = await browser.newContext();
    await signInAs(qa, "qa");
    const devSignOff = await qa.request.post(`/api/releases/${release.id}/stages/DEV/signoff`, {
      data: { decision: "APPROVE" },
    });
    expect(devSignOff.status()).toBe(200);
    const qaPage = await qa.newPage();
    await qaPage.goto(`/releases/${release.id}`);
    await qaPage.getByTestId("stage-TEST").getByRole("button", { name: "Sign off" }).click();
    await qaPage.getByRole("alertdialog").getByRole("button", { name: "Sign off" }).click();
    await expect(qaPage.getByRole("alertdialog")).toBeHidden();

    // The worker writes the commit within seconds; the page shows it once reloaded.
    const promotion = qaPage.getByTestId("promotion").first();
    await expect(async () => {
      await qaPage.reload();
      await expect(promotion).toHaveAttribute("data-state", "PUSHED", { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    const [head] = server.log("deploy");
    await expect(promotion).toContainText(head!.sha.slice(0, 10));
    await expect(promotion).toContainText("After the sign-off");
    expect(head!.message).toContain(`Release-Id: ${release.id}`);
    expect(head!.message).toContain("Approved-by: Quinn Adler <qa@demo.local>");
    expect(server.readFile("deploy", "envs/last/values.yaml")).toBe(
      VALUES.replace('"0.1.0"', `"2.0.${suffix}"`),
    );
    await expectNoSeriousA11yViolations(qaPage);
    await qaPage.getByRole("region", { name: /Promotions/ }).scrollIntoViewIfNeeded();
    await qaPage.screenshot({ path: "e2e/screenshots/release-promotion.png" });

    // The stage drawer of the timeline says the same.
    await qaPage.goto(`/timeline?q=${encodeURIComponent(release.name)}`);
    const row = timelineRow(qaPage, release.name);
    await expect(row.getByTestId("promotion-mark")).toHaveAttribute("data-state", "PUSHED");
    await expect(row.getByTestId("promotion-mark")).toHaveAttribute(
      "title",
      "Promotion to LAST: pushed",
    );
    await row.locator('[data-stage="LAST"]').click();
    await expect(qaPage.getByRole("dialog").getByTestId("stage-promotion")).toContainText(
      `Promotion to LAST: pushed ${head!.sha.slice(0, 10)}`,
    );
    await qa.close();
  } finally {
    await server.close();
  }
});
