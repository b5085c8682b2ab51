import { expect, test } from "@playwright/test";

import { signInAs } from "../fixtures/auth";
import { expectNoSeriousA11yViolations } from "../fixtures/axe";

// The API describes itself: OpenAPI 3.1 for tools (anyone may read it), a page for people.

test("the OpenAPI description is served to anyone and shown to people", async ({
  page,
  context,
  request,
}) => {
  const answer = await request.get("/api/openapi.json");
  expect(answer.status()).toBe(200);
  const document = (await answer.json()) as {
    openapi: string;
    paths: Record<string, Record<string, unknown>>;
    components: { securitySchemes: Record<string, unknown> };
  };
  expect(document.openapi).toBe("3.1.0");
  expect(Object.keys(document.paths["/api/deployments"]!)).toEqual(["post"]);
  expect(Object.keys(document.components.securitySchemes).sort()).toEqual(["bearer", "session"]);

  await signInAs(context, "viewer");
  await page.goto("/api-docs");
  await expect(page.getByRole("heading", { name: "HTTP API" })).toBeVisible();
  const deployments = page
    .getByTestId("api-operation")
    .filter({ hasText: "/api/deployments" })
    .filter({ hasText: "Report a deployment" });
  await expect(deployments).toContainText("POST");
  await expect(deployments).toContainText("environment");
  await expect(page.getByRole("link", { name: "/api/openapi.json" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: "e2e/screenshots/api-docs.png" });
});
