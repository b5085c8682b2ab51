// The server the end-to-end tests run against: a fresh database with the demo data, then the same
// start-up path as `npm start`. PostgreSQL when TEST_DATABASE_URL is set (CI), else a new PGlite folder.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";

import pg from "pg";

import {
  IDP_CLIENT,
  IDP_ISSUER,
  IDP_ROLE_MAP,
  startIdentityProvider,
} from "../e2e/support/identity-provider";

const ROOT = path.resolve(import.meta.dirname, "..");

async function freshPostgresDatabase(baseUrl: string): Promise<string> {
  const url = new URL(baseUrl);
  const name = `${url.pathname.slice(1) || "test"}_e2e`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  return url.toString();
}

async function main() {
  const port = Number(process.env.PORT ?? 3100);
  // Single sign-on against a real OpenID Connect provider on loopback, living in this process.
  await startIdentityProvider(`http://127.0.0.1:${port}`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: "127.0.0.1",
    OIDC_ISSUER: IDP_ISSUER,
    OIDC_CLIENT_ID: IDP_CLIENT.id,
    OIDC_CLIENT_SECRET: IDP_CLIENT.secret,
    OIDC_ROLE_MAP: IDP_ROLE_MAP,
    OIDC_NAME: "Acme SSO",
  };
  delete env.DATABASE_URL;
  if (process.env.TEST_DATABASE_URL) {
    env.DATABASE_URL = await freshPostgresDatabase(process.env.TEST_DATABASE_URL);
    env.SEED_DEMO = "public-passwords"; // a throwaway database the journeys sign in to
    env.NEXTAUTH_SECRET = randomBytes(32).toString("base64url");
  } else {
    const dir = path.join(ROOT, ".data", "e2e-pglite");
    rmSync(dir, { recursive: true, force: true });
    env.PGLITE_DIR = dir;
  }
  const server = spawn(
    "npx",
    ["tsx", "--conditions=react-server", path.join(ROOT, "scripts", "start.ts")],
    {
      cwd: ROOT,
      env,
      stdio: "inherit",
    },
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
