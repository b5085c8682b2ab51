import { expect, type Page, test } from "@playwright/test";
import { twMerge } from "tailwind-merge";

import { signInAs } from "../fixtures/auth";

// `cn` joins class names without resolving conflicts (tailwind-merge stays out of the browser's
// JavaScript). Two Tailwind classes that set the same property on one element would leave the
// winner to the stylesheet's order, so the rendered pages must hold none: tailwind-merge, here in
// the test only, names the classes it would drop.

const ADMIN_PAGES = [
  "/timeline",
  "/timeline?zoom=year",
  "/calendar",
  "/approvals",
  "/releases",
  "/plan",
  "/products",
  "/reports",
  "/environments",
  "/profile",
  "/api-docs",
  "/admin",
  "/admin/general",
  "/admin/calendar",
  "/admin/stages",
  "/admin/windows",
  "/admin/users",
  "/admin/tokens",
  "/admin/notifications",
];

/** Each element's classes that tailwind-merge would drop, with the element's whole class list. */
async function classConflicts(page: Page): Promise<string[]> {
  const classLists = await page.evaluate(() => [
    ...new Set(
      [...document.querySelectorAll("[class]")].map((element) => element.getAttribute("class")!),
    ),
  ]);
  return classLists.flatMap((classList) => {
    const kept = new Set(twMerge(classList).split(" "));
    const dropped = classList.split(/\s+/).filter((name) => name && !kept.has(name));
    return dropped.length ? [`${dropped.join(" ")}  (in "${classList}")`] : [];
  });
}

test("every page renders and hydrates, and no element carries two classes that set the same thing", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const found: string[] = [];
  const failures: string[] = [];
  const visit = async (page: Page, paths: string[]) => {
    page.on("pageerror", (error) => failures.push(`${page.url()}: ${error.message}`));
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      await page.waitForLoadState("networkidle"); // pages that settle their address first
      // Rendered, and hydrated without a failure (an island that did not load shows the error page).
      await expect(page.getByRole("heading", { name: "Something went wrong" })).toHaveCount(0);
      for (const conflict of await classConflicts(page)) found.push(`${path}: ${conflict}`);
    }
  };
  const hrefs = async (page: Page, prefix: string) => {
    const links = page.locator(`main a[href^="${prefix}"]`);
    await links.first().waitFor();
    return links.evaluateAll((all) => [...new Set(all.map((link) => link.getAttribute("href")!))]);
  };

  const admin = await browser.newContext();
  await signInAs(admin, "admin");
  const adminPage = await admin.newPage();
  await visit(adminPage, ADMIN_PAGES);
  // A few releases' pages (live, held, patches, planned) and products', picked from the lists.
  await adminPage.goto("/releases");
  const releases = (await hrefs(adminPage, "/releases/")).filter((href) =>
    /^\/releases\/[^/?]+$/.test(href),
  );
  await adminPage.goto("/products");
  const products = await hrefs(adminPage, "/products/");
  expect(releases.length).toBeGreaterThan(2);
  expect(products.length).toBeGreaterThan(0);
  await visit(adminPage, [...releases.slice(0, 8), ...products.slice(0, 2)]);
  await admin.close();

  // What only release managers open.
  const rm = await browser.newContext();
  await signInAs(rm, "rm");
  await visit(await rm.newPage(), ["/releases/new", `${releases[0]}/edit`, "/approvals"]);
  await rm.close();

  expect(failures).toEqual([]);
  expect(found).toEqual([]);
});
