import "server-only";

// Per product, how alerts name it: which labels carry its key, which the environment (and what
// their values mean), which severities count. Owners and administrators keep it; without one the
// defaults apply (lib/domain/signals.ts).
import type { Prisma } from "@/generated/prisma/client";
import {
  DEFAULT_SIGNAL_MATCHING,
  type ProductMatching,
  type SignalMatching,
} from "@/lib/domain/signals";
import type { StageKey } from "@/lib/domain/stages";
import { assertCan } from "@/lib/permissions";
import { type DbTransaction, getDb } from "@/lib/server/db/client";
import { toJsonInput } from "@/lib/server/db/json";
import { managedProduct } from "@/lib/server/products/managed-product";
import type { SessionUser } from "@/lib/types/user";

const WHAT = "signal matching";

type MatchingRow = {
  productLabels: string[];
  environmentLabels: string[];
  environmentValues: Prisma.JsonValue;
  severities: string[];
};

function toMatching(row: MatchingRow | null): SignalMatching {
  if (!row) return DEFAULT_SIGNAL_MATCHING;
  return {
    productLabels: row.productLabels,
    environmentLabels: row.environmentLabels,
    environmentValues: (row.environmentValues ?? {}) as Record<string, StageKey>,
    severities: row.severities,
  };
}

/** Every product with the matching its alerts are read by. */
export async function productMatchings(db: DbTransaction = getDb()): Promise<ProductMatching[]> {
  const products = await db.product.findMany({
    select: { id: true, key: true, signalMatching: true },
    orderBy: { key: "asc" },
  });
  return products.map((product) => ({
    id: product.id,
    key: product.key,
    matching: toMatching(product.signalMatching),
  }));
}

export async function getSignalMatching(actor: SessionUser, key: string): Promise<SignalMatching> {
  assertCan(actor.role, "products.manage");
  const product = await managedProduct(getDb(), actor, key, WHAT);
  return toMatching(await getDb().signalMatching.findUnique({ where: { productId: product.id } }));
}

export async function setSignalMatching(
  actor: SessionUser,
  key: string,
  input: SignalMatching,
): Promise<SignalMatching> {
  assertCan(actor.role, "products.manage");
  return getDb().$transaction(async (tx) => {
    const product = await managedProduct(tx, actor, key, WHAT);
    const before = await tx.signalMatching.findUnique({ where: { productId: product.id } });
    const data = {
      productLabels: input.productLabels,
      environmentLabels: input.environmentLabels,
      environmentValues: toJsonInput(input.environmentValues)!,
      severities: input.severities,
      updatedById: actor.id,
    };
    await tx.signalMatching.upsert({
      where: { productId: product.id },
      create: { productId: product.id, ...data },
      update: data,
    });
    await tx.auditEvent.create({
      data: {
        action: "SIGNAL_MATCHING_CHANGED",
        actorId: actor.id,
        comment: `How alerts name ${product.name} ${before ? "changed" : "set"}.`,
        before: toJsonInput(toMatching(before)),
        after: toJsonInput(input),
      },
    });
    return input;
  });
}

/** Back to the defaults. */
export async function resetSignalMatching(actor: SessionUser, key: string): Promise<void> {
  assertCan(actor.role, "products.manage");
  await getDb().$transaction(async (tx) => {
    const product = await managedProduct(tx, actor, key, WHAT);
    await tx.signalMatching.deleteMany({ where: { productId: product.id } });
  });
}
