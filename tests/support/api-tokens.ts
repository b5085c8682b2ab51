import { randomBytes } from "node:crypto";

import type { PrismaClient } from "@/generated/prisma/client";
import type { TokenScope } from "@/lib/domain/people";
import { hashApiToken } from "@/lib/server/users/api-tokens";

/** Issues an API token for a user directly in the database; returns the secret. */
export async function issueTestToken(
  prisma: PrismaClient,
  userEmail: string,
  scope: TokenScope = "write",
): Promise<string> {
  const user = await prisma.user.findUniqueOrThrow({ where: { email: userEmail } });
  const token = `rc_${randomBytes(24).toString("base64url")}`;
  await prisma.apiToken.create({
    data: {
      name: "test",
      scope,
      tokenHash: hashApiToken(token),
      userId: user.id,
      createdById: user.id,
    },
  });
  return token;
}
