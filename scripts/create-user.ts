// npm run user:create -- --email ada@example.com --name "Ada Lovelace" --role ADMIN [--password ...]
// Creates a user (the first admin of a new installation, typically). Without --password it reads
// the password from standard input, so that it does not end up in the shell history.
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";

import { z } from "zod";

import { PASSWORD_MAX_BYTES, PASSWORD_MIN_BYTES } from "../lib/domain/people";
import { ROLES } from "../lib/domain/stages";
import { describeDatabase } from "../lib/server/db/config";
import { hashPassword } from "../lib/server/users/passwords";
import { newPasswordSchema } from "../lib/validation/users";

import { openDatabase } from "./db/open-database";
import { deployMigrations } from "./db/schema-engine";

const inputSchema = z.object({
  email: z.string().trim().toLowerCase().email("--email must be an email address"),
  name: z.string().trim().min(1, "--name is required").max(120),
  role: z.enum(ROLES, { message: `--role must be one of ${ROLES.join(", ")}` }),
  password: newPasswordSchema,
});

async function readPassword(): Promise<string> {
  const prompt = createInterface({ input: process.stdin, output: process.stdout, terminal: false });
  const password = await prompt.question(
    `Password (${PASSWORD_MIN_BYTES} to ${PASSWORD_MAX_BYTES} bytes): `,
  );
  prompt.close();
  return password.trim();
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string", default: "ADMIN" },
      password: { type: "string" },
    },
  });
  const parsed = inputSchema.safeParse({
    ...values,
    password: values.password ?? (await readPassword()),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`✖ ${issue.message}`);
    return 2;
  }
  const database = openDatabase();
  try {
    console.log(`Database: ${describeDatabase(database.config)}`);
    await deployMigrations(database.target);
    const { email, name, role, password } = parsed.data;
    if (await database.prisma.user.findUnique({ where: { email } })) {
      console.error(`✖ A user with the email ${email} exists already.`);
      return 1;
    }
    await database.prisma.user.create({
      data: { email, name, role, passwordHash: await hashPassword(password) },
    });
    console.log(`Created ${role} ${name} <${email}>.`);
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
