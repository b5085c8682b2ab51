import path from "node:path";

import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
// One seed for every random input of the run (fast-check, the crash test's timings), printed so that
// a failure can be replayed: TEST_SEED=<n> npm test.
const seed = process.env.TEST_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
// The configuration is read more than once per run: say it once.
if (process.env.TEST_SEED !== seed) {
  console.info(`Random inputs use seed ${seed} (TEST_SEED=${seed} replays them).`);
}
process.env.TEST_SEED = seed;

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
          setupFiles: ["tests/support/random.ts"],
          env: { TZ: "America/Los_Angeles", TEST_SEED: seed }, // a server far west of the company: no day may shift
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/support/random.ts"],
          // UTC+14: a date read as a local instant would shift.
          env: {
            TEST_SEED: seed,
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
