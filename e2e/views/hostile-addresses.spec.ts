import { expect, test } from "@playwright/test";

import { signInAs } from "../fixtures/auth";

// Addresses no one means: NUL bytes, impossible and far dates, huge and wrong values. Every view
// reads its address leniently: it shows (ignoring what it cannot understand), never the error page.
// Impossible and far dates go to the parameters that read dates; the rest go everywhere.
const HOSTILE = ["a%00b", "x".repeat(2000), "-1"];
const HOSTILE_DATES = ["0001-01-01", "9999-12-31", "2027-02-30", "2027-13"];
const DATE_PARAMS = new Set(["from", "to", "month", "goLive", "start"]);
const VIEWS: [string, string[]][] = [
  ["/timeline", ["from", "zoom", "q", "region", "product", "rows", "group"]],
  ["/calendar", ["month", "q", "region", "env"]],
  ["/environments", ["from", "zoom", "status", "q"]],
  ["/releases", ["type", "status", "q", "page", "sort"]],
  ["/reports", ["from", "to", "type", "product"]],
  ["/plan", ["goLive", "start", "region"]],
];

// One test per view: 160 addresses in one test ran past any sensible timeout on a loaded machine.
for (const [view, params] of VIEWS) {
  test(`${view} shows, whatever its address carries`, async ({ page, context }) => {
    test.setTimeout(150_000);
    await signInAs(context, "admin");
    const failures: string[] = [];
    for (const param of params) {
      for (const value of DATE_PARAMS.has(param) ? [...HOSTILE, ...HOSTILE_DATES] : HOSTILE) {
        const url = `${view}?${param}=${value}`;
        const response = await page.goto(url);
        const failed =
          (response?.status() ?? 500) >= 500 ||
          (await page.getByRole("heading", { name: "Something went wrong" }).count()) > 0;
        if (failed) failures.push(url.slice(0, 80));
      }
    }
    expect(failures).toEqual([]);
  });
}

test("an address of nothing shows the friendly 404 page", async ({ page, context }) => {
  await signInAs(context, "admin");
  // An address of a release or product that does not exist, or cannot: the friendly page with a
  // real 404 status, not the error page.
  for (const url of [
    "/releases/not-a-release",
    "/releases/%00",
    "/releases/01900000-0000-7000-8000-000000000000",
    "/releases/01900000-0000-7000-8000-000000000000/edit",
    "/products/NO-SUCH-PRODUCT",
    "/products/%00",
  ]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" }), url).toBeVisible();
    // Inside the signed-in layout: one main landmark, the layout's.
    await expect(page.getByRole("main"), url).toHaveCount(1);
  }
  // An address the app does not have at all: the page stands alone, with its own main landmark.
  expect((await page.goto("/no-such-page"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("main")).toHaveCount(1);
});
