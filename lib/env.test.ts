import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { ENV_NAMES, readEnv, readServerEnv } from "./env";

describe("readEnv", () => {
  it("gives the defaults of the embedded demo", () => {
    expect(readEnv({})).toMatchObject({ PORT: 3000, HOST: "127.0.0.1", SEED_DEMO: false });
    expect(readEnv({})).toMatchObject({ PASSWORD_LOGIN: true, OIDC_ROLE_CLAIM: "groups" });
  });

  it("reads PostgreSQL, a secret, a public URL and the seed flag", () => {
    expect(
      readServerEnv({
        DATABASE_URL: " postgresql://app@db:5432/rc ",
        NEXTAUTH_SECRET: "a-secret-of-enough-length",
        NEXTAUTH_URL: "https://releases.example.com",
        PORT: "8080",
        SEED_DEMO: "1",
      }),
    ).toMatchObject({
      DATABASE_URL: "postgresql://app@db:5432/rc",
      PORT: 8080,
      SEED_DEMO: "links",
    });
  });

  it("says which variable is wrong and how to fix it", () => {
    expect(() =>
      readEnv({ DATABASE_URL: "mysql://x", PORT: "70000", NEXTAUTH_URL: "nope" }),
    ).toThrow(
      /DATABASE_URL: Use a PostgreSQL connection string[\s\S]*NEXTAUTH_URL: Give the public address[\s\S]*PORT: A port is at most 65535/,
    );
    expect(() => readEnv({ SEED_DEMO: "yes" })).toThrow(/SEED_DEMO: Use 1 or 0/);
    expect(() => readEnv({ TRUSTED_PROXIES: "the load balancer" })).toThrow(
      /TRUSTED_PROXIES: Give a count of proxies/,
    );
    expect(() => readEnv({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: "10.0.0.0/33" })).toThrow(
      /WEBHOOK_ALLOW_PRIVATE_NETWORKS: Use true, false, or networks/,
    );
  });

  it("lets scripts run on PostgreSQL without a secret, but not the server", () => {
    const env = { DATABASE_URL: "postgresql://app@db/rc" };
    expect(readEnv(env).DATABASE_URL).toBe("postgresql://app@db/rc");
    expect(() => readServerEnv(env)).toThrow(/NEXTAUTH_SECRET: is required with DATABASE_URL/);
    expect(() => readServerEnv({ ...env, NEXTAUTH_SECRET: "short" })).toThrow(
      /at least 16 characters/,
    );
  });
});

describe(".env.example", () => {
  it("names every variable the app reads", () => {
    const example = readFileSync(new URL("../.env.example", import.meta.url), "utf8");
    for (const name of ENV_NAMES) expect(example, name).toMatch(new RegExp(`^#? ?${name}=`, "m"));
  });
});
