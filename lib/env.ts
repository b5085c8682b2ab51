// Every setting the app reads from the environment, validated once with clear messages. The server
// reads them through getEnv(); `npm start` checks them before it starts anything (scripts/start.ts).
import "server-only";

import { z } from "zod";

import { parseAllowance, parseTrustedProxies } from "@/lib/domain/network";
import { parseRoleMap } from "@/lib/domain/people";

/** Where settings come from: the process environment, or a plain map in tests. */
export type Source = Record<string, string | undefined>;

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || undefined);

function optionalUrl(message: string) {
  return optionalText.refine((value) => !value || URL.canParse(value), { message });
}

/** An optional setting read by a parser of the domain (null: not readable, with this message). */
function parsedWith<T>(parse: (text: string | undefined) => T | null, message: string) {
  return z
    .string()
    .optional()
    .transform((value, context) => {
      const parsed = parse(value);
      if (parsed !== null) return parsed;
      context.addIssue({ code: "custom", message });
      return z.NEVER;
    });
}

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .refine((value) => !value || /^postgres(ql)?:\/\//.test(value), {
      message: "Use a PostgreSQL connection string: postgresql://user:password@host:5432/name",
    }),
  PGLITE_DIR: z.string().trim().optional(),
  NEXTAUTH_SECRET: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .refine((value) => !value || value.length >= 16, {
      message: "Use at least 16 characters, e.g. the output of  openssl rand -base64 32",
    }),
  NEXTAUTH_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .refine((value) => !value || URL.canParse(value), {
      message: "Give the public address of the app, e.g. https://releases.example.com",
    }),
  PORT: z.coerce
    .number({ message: "Give a port number." })
    .int()
    .min(1)
    .max(65_535, "A port is at most 65535.")
    .default(3000),
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  /**
   * `1` seeds the demo into an empty PostgreSQL database at start, its users without a password
   * (one-time links are printed); `public-passwords` gives them the README's passwords, for a
   * throwaway test database only. (The embedded demo always has the README's passwords.)
   */
  SEED_DEMO: z
    .enum(["1", "0", "true", "false", "", "public-passwords"], {
      message: "Use 1 or 0 (or true / false), or public-passwords for a throwaway test database.",
    })
    .optional()
    .transform((value) =>
      value === "public-passwords"
        ? "public-passwords"
        : value === "1" || value === "true"
          ? "links"
          : false,
    ),
  /** Single sign-on (OpenID Connect): all three or none. */
  OIDC_ISSUER: optionalUrl(
    "Give the issuer URL of the identity provider, e.g. https://login.example.com/realms/acme",
  ),
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  /** The ID token claim that lists the person's groups (or roles). */
  OIDC_ROLE_CLAIM: z.string().trim().min(1).default("groups"),
  /** `group=ROLE,...`; everyone else is a viewer. */
  OIDC_ROLE_MAP: z.string().trim().default("").refine(isRoleMap, {
    message:
      "Write it as group=ROLE pairs, e.g. rc-admins=ADMIN,rc-qa=QA (roles: ADMIN, RELEASE_MANAGER, QA, VIEWER).",
  }),
  /** The button's label on the sign-in page. */
  OIDC_NAME: z.string().trim().min(1).default("Single sign-on"),
  /** Email over SMTP, e.g. smtp://user:pass@mail.example.com:587; unset: emails are held. */
  SMTP_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .refine((value) => !value || /^smtps?:\/\/[^\s]+$/.test(value), {
      message:
        "Give an SMTP URL, e.g. smtp://user:password@mail.example.com:587 (smtps:// for TLS)",
    }),
  MAIL_FROM: z.string().trim().min(3).default("Release Calendar <release-calendar@localhost>"),
  /**
   * `true` lets webhooks reach loopback and private networks (tests, closed networks); a list of
   * networks (`10.20.0.0/16,fd00:1::/64`) lets them reach those only.
   */
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: parsedWith(
    parseAllowance,
    "Use true, false, or networks like 10.20.0.0/16,fd00:1::/64.",
  ),
  /**
   * The proxies in front of the app whose X-Forwarded-For is believed: how many (`1` behind one
   * load balancer) or which networks (`10.0.0.0/8`). Unset: none, the socket's peer is the client.
   */
  TRUSTED_PROXIES: parsedWith(
    parseTrustedProxies,
    "Give a count of proxies (e.g. 1) or their networks (e.g. 10.0.0.0/8,fd00::/8).",
  ),
  /** How much the server logs (pino levels). */
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      message: "Use fatal, error, warn, info, debug, trace or silent.",
    })
    .default("info"),
  /** `json` (one object per line, the default in production) or `pretty` (the default otherwise). */
  LOG_FORMAT: z.enum(["json", "pretty"], { message: "Use json or pretty." }).optional(),
  /** `false` runs no delivery worker in this process (e.g. a dedicated web-only instance). */
  NOTIFICATIONS_WORKER: z
    .enum(["true", "false", "1", "0", ""], { message: "Use true or false." })
    .optional()
    .transform((value) => value !== "false" && value !== "0"),
  /** `false` turns sign-in with a local password off (single sign-on only). */
  PASSWORD_LOGIN: z
    .enum(["true", "false", "1", "0", ""], { message: "Use true or false." })
    .optional()
    .transform((value) => value !== "false" && value !== "0"),
});

export type Env = z.infer<typeof envSchema>;

/** Every variable the app reads (the deployment files may set no other). */
export const ENV_NAMES: readonly string[] = Object.keys(envSchema.shape);

function isRoleMap(text: string): boolean {
  try {
    parseRoleMap(text);
    return true;
  } catch {
    return false;
  }
}

/** What the environment must say together, whoever reads it. */
function checkTogether(env: Env, context: z.RefinementCtx): void {
  const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    context.addIssue({
      code: "custom",
      path: ["OIDC_ISSUER"],
      message: "Set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET together, or none of them.",
    });
  }
  if (!env.PASSWORD_LOGIN && !env.OIDC_ISSUER) {
    context.addIssue({
      code: "custom",
      path: ["PASSWORD_LOGIN"],
      message:
        "With PASSWORD_LOGIN=false nobody could sign in: configure single sign-on (OIDC_ISSUER, …).",
    });
  }
}

/** The server needs a session secret of its own with a real database (start-up generates one for the demo). */
const serverEnvSchema = envSchema
  .superRefine(checkTogether)
  .refine((env) => !env.DATABASE_URL || env.NEXTAUTH_SECRET, {
    message:
      "is required with DATABASE_URL (production mode): the app needs a secret of its own to sign " +
      "sessions, e.g.  export NEXTAUTH_SECRET=$(openssl rand -base64 32)",
    path: ["NEXTAUTH_SECRET"],
  });

function parse(schema: z.ZodType<Env>, source: Source): Env {
  const parsed = schema.safeParse(source);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (issue) => `  ${issue.path.join(".") || "environment"}: ${issue.message}`,
  );
  throw new Error(`The environment is not usable (see .env.example):\n${problems.join("\n")}`);
}

/** The settings, or an Error saying which variable is wrong and how to fix it (scripts). */
export function readEnv(source: Source = process.env): Env {
  return parse(envSchema.superRefine(checkTogether), source);
}

/** The settings a server needs to run (a session secret with a real database). */
export function readServerEnv(source: Source = process.env): Env {
  return parse(serverEnvSchema, source);
}

let cached: Env | undefined;

/** Forgets the settings read, so the next getEnv() reads the environment again (tests, scripts). */
export function resetEnvCache(): void {
  cached = undefined;
}

/** The settings of this server process, read on first use and kept. */
export function getEnv(): Env {
  cached ??= readServerEnv();
  return cached;
}
