import { describe, expect, it } from "vitest";

import {
  commitMessage,
  commitUrlOf,
  nextEnvironment,
  stageBefore,
  tagOf,
  valueFor,
} from "./promotion";

const RELEASE = {
  id: "r-1",
  name: "Payments API 3.4.0",
  version: "payments-api:3.4.0",
  digest: null,
};

describe("promotion", () => {
  it("goes to the environment the sign-off opens, never past PROD", () => {
    expect(nextEnvironment("TEST")).toBe("LAST");
    expect(nextEnvironment("PROD")).toBeNull();
    expect(stageBefore("LAST")).toBe("TEST");
    expect(stageBefore("DEV")).toBeNull();
  });

  it("takes the tag of a version, registry ports and all", () => {
    expect(tagOf("payments-api:3.4.0")).toBe("3.4.0");
    expect(tagOf("registry.example.com:5000/team/payments-api:3.4.0")).toBe("3.4.0");
    expect(tagOf("registry.example.com:5000/team/payments-api")).toBe(
      "registry.example.com:5000/team/payments-api",
    );
    expect(tagOf("3.4.0")).toBe("3.4.0");
  });

  it("sets a digest only when the release has one", () => {
    expect(valueFor("TAG", RELEASE)).toEqual({ value: "3.4.0" });
    expect(valueFor("VERSION", RELEASE)).toEqual({ value: "payments-api:3.4.0" });
    expect(valueFor("DIGEST", RELEASE)).toEqual({
      problem: "Payments API 3.4.0 has no digest yet: give it one, or set the tag instead.",
    });
    expect(valueFor("DIGEST", { ...RELEASE, digest: "sha256:ab" })).toEqual({ value: "sha256:ab" });
  });

  it("names the release, the environment and the approvers, with trailers", () => {
    expect(
      commitMessage(RELEASE, "LAST", [
        { name: "Quinn Adler", email: "qa@demo.local" },
        { name: "Kim Asante", email: "qa2@demo.local" },
      ]),
    ).toBe(
      [
        "Promote Payments API 3.4.0 (payments-api:3.4.0) to LAST",
        "",
        "Approved by Quinn Adler, Kim Asante.",
        "",
        "Release-Id: r-1",
        "Approved-by: Quinn Adler <qa@demo.local>",
        "Approved-by: Kim Asante <qa2@demo.local>",
        "",
      ].join("\n"),
    );
  });

  it("links commits on the forges it knows", () => {
    expect(commitUrlOf("https://github.com/acme/deploy.git", "abc")).toBe(
      "https://github.com/acme/deploy/commit/abc",
    );
    expect(commitUrlOf("https://gitlab.example.com/acme/deploy", "abc")).toBe(
      "https://gitlab.example.com/acme/deploy/-/commit/abc",
    );
    expect(commitUrlOf("https://git.internal/acme/deploy.git", "abc")).toBeNull();
  });
});
