import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import boundaries from "eslint-plugin-boundaries";

// The layers of docs/ARCHITECTURE.md, most specific first: a file belongs to the first that matches.
const LAYERS = [
  {
    type: "domain",
    pattern: [
      "lib/domain/**",
      "lib/errors.ts",
      "lib/permissions.ts",
      "lib/ics.ts",
      "lib/csv.ts",
      "lib/demo-users.ts",
    ],
  },
  {
    type: "shared",
    pattern: [
      "lib/types/**",
      "lib/validation/**",
      "lib/client/**",
      "lib/action-state.ts",
      "lib/utils.ts",
      "lib/http/**",
    ],
  },
  { type: "server-auth", pattern: "lib/server/auth/**" },
  { type: "server-users", pattern: "lib/server/users/**" },
  { type: "server", pattern: ["lib/server/**", "lib/env.ts"] },
  { type: "components", pattern: "components/**" },
  { type: "app", pattern: ["app/**", "proxy.ts"] },
  { type: "generated", pattern: "generated/**" },
].map((layer) => ({ ...layer, mode: "full" }));

/** What each layer may not import (everything else it may). */
const FORBIDDEN = {
  domain: ["shared", "server-auth", "server-users", "server", "components", "app", "generated"],
  shared: ["server-auth", "server-users", "server", "components", "app", "generated"],
  "server-users": ["server-auth", "components", "app"],
  "server-auth": ["components", "app"],
  server: ["components", "app"],
  components: ["server-auth", "server-users", "server", "app", "generated"],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "import/order": [
        "error",
        {
          groups: ["builtin", "external", "internal", "parent", ["sibling", "index"]],
          pathGroups: [{ pattern: "@/**", group: "internal" }],
          "newlines-between": "always",
          alphabetize: { order: "asc", caseInsensitive: true },
        },
      ],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  {
    // Layer edges (docs/ARCHITECTURE.md): breaking one fails `npm run lint` and so CI.
    files: ["app/**", "components/**", "lib/**", "proxy.ts"],
    plugins: { boundaries },
    settings: {
      "boundaries/elements": LAYERS,
      "boundaries/include": ["app/**", "components/**", "lib/**", "generated/**", "proxy.ts"],
    },
    rules: {
      "boundaries/dependencies": [
        "error",
        {
          default: "allow",
          rules: Object.entries(FORBIDDEN).map(([from, to]) => ({
            from: { type: from },
            disallow: { to: { type: to } },
            message: `${from} may not import ${"{{to.type}}"} (docs/ARCHITECTURE.md, "Layers")`,
          })),
        },
      ],
    },
  },
  {
    // Pure domain code must not depend on the framework or the database.
    files: ["lib/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["next", "next/*", "react", "react-dom"],
              message: "lib/domain is framework-free.",
            },
            {
              group: ["@/generated/*", "@prisma/*", "@/lib/server/*", "**/server/**"],
              message: "lib/domain is database-free.",
            },
          ],
        },
      ],
    },
  },
  globalIgnores([
    ".next/**",
    "generated/**",
    "node_modules/**",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
    "next-env.d.ts",
    "**/*.tmp.*", // scratch files, never committed
  ]),
]);
