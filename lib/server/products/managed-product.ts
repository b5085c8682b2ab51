import "server-only";

// A product a person changes something of (its train, its GitOps target): it must exist (404) and
// they must be one of its owners or an administrator (403 NOT_AN_OWNER).
import { mayManageProduct } from "@/lib/domain/products";
import { AppError } from "@/lib/errors";
import type { DbTransaction } from "@/lib/server/db/client";
import type { SessionUser } from "@/lib/types/user";

export async function productOf(db: DbTransaction, key: string) {
  const product = await db.product.findUnique({
    where: { key },
    select: { id: true, key: true, name: true, owners: { select: { userId: true } } },
  });
  if (!product) throw new AppError("NOT_FOUND", "NOT_FOUND", `There is no product '${key}'.`);
  return product;
}

/** Refuses anyone but the product's owners and administrators; `what` is what they would keep. */
export function assertManages(
  actor: SessionUser,
  product: { name: string; owners: { userId: string }[] },
  what: string,
): void {
  const owners = product.owners.map((owner) => owner.userId);
  if (mayManageProduct(actor, owners)) return;
  throw new AppError(
    "FORBIDDEN",
    "NOT_AN_OWNER",
    `Only administrators and the owners of ${product.name} keep its ${what}.`,
  );
}

/** The product, which the actor must manage. */
export async function managedProduct(
  db: DbTransaction,
  actor: SessionUser,
  key: string,
  what: string,
) {
  const product = await productOf(db, key);
  assertManages(actor, product, what);
  return product;
}
