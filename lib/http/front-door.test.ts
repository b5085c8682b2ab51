import { describe, expect, it } from "vitest";

import {
  apiRefusal,
  MAX_BODY_BYTES,
  pageContentSecurityPolicy,
  securityHeaders,
} from "./front-door";

const APP = "https://releases.example.com";
const facts = (method: string, headers: Record<string, string>) => ({
  method,
  headers: new Headers(headers),
  appOrigin: APP,
});

describe("apiRefusal", () => {
  it("refuses a cookie write from another site, by Origin or, without one, by Sec-Fetch-Site", () => {
    expect(apiRefusal(facts("POST", { origin: "https://evil.example" }))?.code).toBe(
      "CROSS_ORIGIN",
    );
    expect(apiRefusal(facts("DELETE", { "sec-fetch-site": "cross-site" }))?.status).toBe(403);
  });

  it("lets through the app's own pages, reads, Bearer tokens and tools that send no Origin", () => {
    expect(apiRefusal(facts("POST", { origin: APP }))).toBeNull();
    expect(apiRefusal(facts("GET", { origin: "https://evil.example" }))).toBeNull();
    expect(
      apiRefusal(facts("POST", { origin: "https://ci.example", authorization: "Bearer rc_x" })),
    ).toBeNull();
    expect(apiRefusal(facts("POST", { "sec-fetch-site": "same-origin" }))).toBeNull();
    expect(apiRefusal(facts("PATCH", {}))).toBeNull();
  });

  it("refuses a declared body over 1 MB with 413", () => {
    const refusal = apiRefusal(facts("POST", { "content-length": String(MAX_BODY_BYTES + 1) }));
    expect(refusal).toMatchObject({ status: 413, code: "PAYLOAD_TOO_LARGE" });
    expect(apiRefusal(facts("POST", { "content-length": String(MAX_BODY_BYTES) }))).toBeNull();
  });
});

describe("headers", () => {
  it("lets only this request's scripts run on a page, and no framing anywhere", () => {
    const policy = pageContentSecurityPolicy("abc123", { isDev: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain("unsafe-eval");
    expect(pageContentSecurityPolicy("n", { isDev: true })).toContain("'unsafe-eval'");
  });

  it("sends HSTS over https only", () => {
    expect(securityHeaders(false)).not.toHaveProperty("strict-transport-security");
    expect(securityHeaders(true)["strict-transport-security"]).toMatch(/max-age=\d+/);
    expect(securityHeaders(false)).toMatchObject({
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
    });
  });
});
