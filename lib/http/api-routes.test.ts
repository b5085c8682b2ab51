import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { API_ROUTES, findApiRoute, isWellEncoded, routeRefusal } from "./api-routes";

const API_DIR = path.resolve(import.meta.dirname, "../../app/api");

/** The routes as the files under app/api declare them. */
function routesOnDisk(): { path: string; methods: string[] }[] {
  const files = readdirSync(API_DIR, { recursive: true, encoding: "utf8" }).filter((file) =>
    file.endsWith("route.ts"),
  );
  return files
    .map((file) => {
      const source = readFileSync(path.join(API_DIR, file), "utf8");
      const methods = [
        ...source.matchAll(
          /export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g,
        ),
        ...source.matchAll(/handler as (GET|POST|PUT|PATCH|DELETE)\b/g),
      ].map((match) => match[1]!);
      const folder = path.dirname(file).split(path.sep).join("/");
      const pattern = folder.replace(/\[\.\.\.(\w+)\]/g, "{...$1}").replace(/\[(\w+)\]/g, "{$1}");
      return { path: `/api/${pattern}`, methods: [...new Set(methods)].sort() };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

describe("the API route table", () => {
  it("is exactly the route files under app/api", () => {
    const table = API_ROUTES.map((route) => ({
      path: route.path,
      methods: [...route.methods].sort(),
    })).sort((a, b) => a.path.localeCompare(b.path));
    expect(table).toEqual(routesOnDisk());
  });

  it("finds routes with their parameters, and nothing else", () => {
    expect(findApiRoute("/api/releases/0190-x/stages/DEV/signoff")?.path).toBe(
      "/api/releases/{id}/stages/{key}/signoff",
    );
    expect(findApiRoute("/api/auth/callback/oidc")?.path).toBe("/api/auth/{...nextauth}");
    expect(findApiRoute("/api/releases/")?.path).toBe("/api/releases");
    expect(findApiRoute("/api/nope")).toBeUndefined();
    expect(findApiRoute("/api/releases/1/unknown")).toBeUndefined();
  });

  it("refuses an unknown path with 404 and a wrong method with 405 and Allow", () => {
    expect(routeRefusal("GET", "/api/nope")).toMatchObject({ status: 404, code: "NOT_FOUND" });
    expect(routeRefusal("DELETE", "/api/releases")).toMatchObject({
      status: 405,
      code: "METHOD_NOT_ALLOWED",
      allow: "GET, POST, HEAD, OPTIONS",
    });
    expect(routeRefusal("GET", "/api/releases")).toBeUndefined();
    expect(routeRefusal("HEAD", "/api/health")).toBeUndefined();
  });

  it("refuses a path whose escapes do not decode (half a character) with 404, not Next's 500", () => {
    expect(isWellEncoded("/api/releases/%ED%A0%80")).toBe(false);
    expect(isWellEncoded("/api/releases/%E2%82%AC")).toBe(true);
    expect(routeRefusal("GET", "/api/releases/%ED%A0%80")).toMatchObject({
      status: 404,
      code: "NOT_FOUND",
    });
    expect(routeRefusal("GET", "/api/releases/%E2%82%AC")).toBeUndefined();
  });
});
