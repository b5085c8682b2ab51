import { type BrowserContext, expect, test } from "@playwright/test";

import { signInAs } from "../fixtures/auth";

/**
 * How many releases match a filter, as the API counts them: the demo's 24, plus those other
 * journeys planned (each uses releases of its own), whatever order the journeys run in.
 */
async function totalOf(context: BrowserContext, query = ""): Promise<number> {
  const answer = await context.request.get(`/api/releases?limit=1${query}`);
  const total = Number(answer.headers()["x-total-count"]);
  expect(total).toBeGreaterThan(0);
  return total;
}

test.describe("releases page", () => {
  test("lists releases and patches with status, go-live and six stage chips", async ({
    page,
    context,
  }) => {
    await signInAs(context, "rm");
    await page.goto("/releases");
    const rows = page.getByTestId("release-row");
    const total = await totalOf(context);
    expect(total).toBeGreaterThanOrEqual(24);
    await expect(rows).toHaveCount(Math.min(total, 50));

    const live = rows
      .filter({ hasText: "Customer Portal 2026.11" })
      .filter({ hasText: "Live" })
      .first();
    await expect(live.locator("[data-stage]")).toHaveCount(6);
    await expect(live.locator('[data-status="SIGNED_OFF"]')).toHaveCount(6);

    const rejected = rows.filter({ hasText: "Search Service 5.2.0" });
    await expect(rejected.getByText("Stage rejected")).toBeVisible();
    await expect(
      rejected.locator('[data-stage="INT"][data-status="REJECTED"]').first(),
    ).toBeVisible();

    const atRisk = rows.filter({ hasText: "Billing Engine 2026.12" });
    await expect(atRisk.getByText(/At risk · \+3 wd/)).toBeVisible();
    await expect(atRisk.getByText("baseline")).toBeVisible();

    await page.screenshot({ path: "e2e/screenshots/releases.png", fullPage: true });
  });

  test("filters by type and status through the URL", async ({ page, context }) => {
    await signInAs(context, "viewer");
    await page.goto("/releases");
    await page.getByRole("link", { name: "Patches" }).click();
    await expect(page).toHaveURL(/type=PATCH/);
    await expect(page.getByTestId("release-row")).toHaveCount(
      await totalOf(context, "&type=PATCH"),
    );

    await page.getByLabel("Status").selectOption("CANCELLED");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/status=CANCELLED/);
    // One row, the cancelled patch (an array assertion waits for both, through the navigation).
    await expect(page.getByTestId("release-row")).toHaveText([/Payments API 3\.3\.1/]);
  });

  test("sorts by go-live or name through the column headers, on the server", async ({
    page,
    context,
  }) => {
    await signInAs(context, "viewer");
    await page.goto("/releases");
    const goLive = page.getByRole("columnheader", { name: "Go-live" });
    await expect(goLive).toHaveAttribute("aria-sort", "ascending");
    await goLive.getByRole("link").click();
    await expect(page).toHaveURL(/sort=-goLive/);
    await expect(page.getByRole("columnheader", { name: "Go-live" })).toHaveAttribute(
      "aria-sort",
      "descending",
    );
    const dates = async () =>
      Promise.all(
        (await page.getByTestId("release-row").all()).map(async (row) =>
          Date.parse((await row.locator("td").nth(5).locator("p").first().textContent())!),
        ),
      );
    const descending = await dates();
    expect(descending.length).toBe(Math.min(await totalOf(context), 50));
    expect(descending[0]).toBeGreaterThan(descending.at(-1)!);

    await page.getByRole("columnheader", { name: "Release" }).getByRole("link").click();
    await expect(page).toHaveURL(/sort=name/);
    const names = await page
      .getByTestId("release-row")
      .locator("td:first-child a")
      .allTextContents();
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  test("an empty result explains itself", async ({ page, context }) => {
    await signInAs(context, "qa");
    await page.goto("/releases?q=no-such-release");
    await expect(
      page.getByRole("heading", { name: "No releases match these filters" }),
    ).toBeVisible();
    await page.getByRole("link", { name: "Clear filters" }).click();
    await expect(page.getByTestId("release-row")).toHaveCount(Math.min(await totalOf(context), 50));
  });
});

test.describe("releases API", () => {
  test("answers 401 with the error envelope when anonymous", async ({ request }) => {
    const response = await request.get("/api/releases");
    expect(response.status()).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: "UNAUTHENTICATED", message: expect.any(String) },
    });
  });

  test("an unknown API path is a JSON 404, a wrong method a JSON 405 with Allow", async ({
    request,
  }) => {
    const unknown = await request.get("/api/no-such-thing");
    expect(unknown.status()).toBe(404);
    expect((await unknown.json()).error.code).toBe("NOT_FOUND");
    const wrong = await request.delete("/api/releases");
    expect(wrong.status()).toBe(405);
    expect(wrong.headers().allow).toBe("GET, POST, HEAD, OPTIONS");
    expect((await wrong.json()).error.code).toBe("METHOD_NOT_ALLOWED");
  });

  test("every API route answers 401 with the error envelope when anonymous", async ({
    request,
  }) => {
    const id = "01900000-0000-7000-8000-000000000000";
    const calls: [string, string][] = [
      ["GET", "/api/releases"],
      ["POST", "/api/releases"],
      ["GET", `/api/releases/${id}`],
      ["PATCH", `/api/releases/${id}`],
      ["POST", `/api/releases/${id}/stages/DEV/signoff`],
      ["POST", `/api/releases/${id}/stages/DEV/reopen`],
      ["GET", `/api/releases/${id}/audit`],
      ["POST", `/api/releases/${id}/hold`],
      ["POST", `/api/releases/${id}/resume`],
      ["POST", `/api/releases/${id}/cancel`],
      ["POST", `/api/releases/${id}/what-if`],
      ["GET", "/api/reports/releases.csv"],
      ["GET", "/api/me/approvals"],
      ["GET", "/api/me/calendar-feed"],
      ["DELETE", "/api/me/calendar-feed"],
      ["POST", "/api/plan"],
      ["GET", "/api/regions"],
      ["GET", "/api/working-days?from=2027-01-01&to=2027-01-31"],
      ["POST", "/api/deployments"],
      ["GET", `/api/releases/${id}/deployments`],
      ["PUT", `/api/releases/${id}/rollout`],
      ["POST", `/api/releases/${id}/outcome`],
      ["GET", "/api/products"],
      ["GET", "/api/me/delegations"],
      ["GET", "/api/me/notifications"],
      ["PUT", "/api/me/notifications"],
      ["GET", "/api/webhooks"],
      ["POST", "/api/webhooks"],
      ["POST", `/api/webhooks/${id}/test`],
      ["GET", "/api/deliveries"],
    ];
    for (const [method, path] of calls) {
      const response = await request.fetch(path, {
        method,
        data: method === "GET" ? undefined : {},
      });
      expect(response.status(), `${method} ${path}`).toBe(401);
      expect((await response.json()).error.code, `${method} ${path}`).toBe("UNAUTHENTICATED");
    }
  });

  test("lists releases with their six stages for a signed-in user", async ({ context }) => {
    await signInAs(context, "viewer");
    const response = await context.request.get("/api/releases?type=RELEASE&status=LIVE");
    expect(response.status()).toBe(200);
    const releases = (await response.json()) as {
      type: string;
      status: string;
      stages: { key: string }[];
    }[];
    // A year of delivered releases in the demo, and those other journeys took live.
    expect(releases.length).toBeGreaterThanOrEqual(12);
    for (const release of releases) {
      expect(release).toMatchObject({ type: "RELEASE", status: "LIVE" });
      expect(release.stages.map((s) => s.key)).toEqual([
        "DEV",
        "TEST",
        "LAST",
        "INT",
        "PREPROD",
        "PROD",
      ]);
    }
  });

  test("refuses bad filters with 400", async ({ context }) => {
    await signInAs(context, "viewer");
    for (const query of [
      "from=2027-02-30",
      "to=tomorrow",
      "type=HOTFIX",
      "colour=red",
      "from=2027-03-01&to=2027-01-01",
    ]) {
      const response = await context.request.get(`/api/releases?${query}`);
      expect(response.status(), query).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code, query).toMatch(/VALIDATION_FAILED|UNKNOWN_PARAMETER/);
    }
  });
});
