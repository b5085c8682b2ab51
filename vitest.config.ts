import path from "node:path";

import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside React Server Components; in tests it is a no-op.
      "server-only": path.join(root, "tests/support/server-only-stub.ts"),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "tests/unit/**/*.test.ts"],
          environment: "node",
          env: { TZ: "America/Los_Angeles" }, // a server far west of the company: no day may shift
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // UTC+14: a date read as a local instant would shift.
          env: {
            TZ: "Pacific/Kiritimati",
            NEXTAUTH_SECRET: "integration-tests-only-secret",
            LOG_LEVEL: "warn",
            OIDC_ROLE_MAP: "rc-admins=ADMIN,rc-release-managers=RELEASE_MANAGER,rc-qa=QA",
          },
          globalSetup: ["tests/integration/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
