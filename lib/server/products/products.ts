import "server-only";

// Products: list, read, create, change (name, description, owners), name the approvers of a stage,
// and the default product for releases that name none. Every change is audited.
import { Prisma } from "@/generated/prisma/client";
import { approversProblem, mayManageProduct, ownersProblem } from "@/lib/domain/products";
import { STAGE_KEYS, STAGE_NAMES, type StageKey } from "@/lib/domain/stages";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/permissions";
import { type DbTransaction, getDb } from "@/lib/server/db/client";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import type { ProductDto, ProductOption } from "@/lib/types/product";
import type { SessionUser } from "@/lib/types/user";
import { productKeySchema } from "@/lib/validation/products";
import type { ProductCreateInput, ProductUpdateInput } from "@/lib/validation/products";

const person = { select: { id: true, name: true, email: true, isActive: true } } as const;

const productSelect = {
  id: true,
  key: true,
  name: true,
  description: true,
  createdAt: true,
  updatedAt: true,
  owners: { select: { user: person }, orderBy: { user: { name: "asc" } } },
  approvers: {
    select: { stageKey: true, user: person },
    orderBy: { user: { name: "asc" } },
  },
  _count: { select: { releases: true } },
} satisfies Prisma.ProductSelect;

type ProductRow = Prisma.ProductGetPayload<{ select: typeof productSelect }>;

function toDto(row: ProductRow, defaultProductId: string | null): ProductDto {
  const approvers = Object.fromEntries(STAGE_KEYS.map((key) => [key, []])) as unknown as Record<
    StageKey,
    ProductDto["approvers"][StageKey]
  >;
  for (const approver of row.approvers) approvers[approver.stageKey].push(approver.user);
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    description: row.description,
    owners: row.owners.map((owner) => owner.user),
    approvers,
    releaseCount: row._count.releases,
    isDefault: row.id === defaultProductId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function unknownProduct(key: string): AppError {
  return new AppError("NOT_FOUND", "NOT_FOUND", `There is no product '${key}'.`);
}

async function storedDefaultId(db: DbTransaction): Promise<string | null> {
  const settings = await db.appSettings.findUnique({
    where: { id: 1 },
    select: { defaultProductId: true },
  });
  return settings?.defaultProductId ?? null;
}

/** Every product by name, with owners, named approvers and how many releases it has. */
export async function listProducts(): Promise<ProductDto[]> {
  const db = getDb();
  const [rows, defaultId] = await Promise.all([
    db.product.findMany({ orderBy: { name: "asc" }, select: productSelect }),
    storedDefaultId(db),
  ]);
  return rows.map((row) => toDto(row, defaultId));
}

/** The key of the product releases join when they name none. */
export async function defaultProductKey(): Promise<string> {
  const db = getDb();
  const id = await productIdFor(undefined, db);
  const product = await db.product.findUniqueOrThrow({ where: { id }, select: { key: true } });
  return product.key;
}

/** Keys and names only, for filters and pickers. */
export async function listProductOptions(): Promise<ProductOption[]> {
  return getDb().product.findMany({ orderBy: { name: "asc" }, select: { key: true, name: true } });
}

export async function getProduct(key: string): Promise<ProductDto> {
  const db = getDb();
  const [row, defaultId] = await Promise.all([
    db.product.findUnique({ where: { key }, select: productSelect }),
    storedDefaultId(db),
  ]);
  if (!row) throw unknownProduct(key);
  return toDto(row, defaultId);
}

/** Whether a product with this key exists (a page decides its 404 with it). */
export async function productExists(key: string): Promise<boolean> {
  if (!productKeySchema.safeParse(key).success) return false;
  return (await getDb().product.count({ where: { key } })) > 0;
}

/**
 * The product a new release joins: the one named (422 when unknown), else the default product
 * (an admin setting), else the oldest product.
 */
export async function productIdFor(key: string | undefined, db: DbTransaction): Promise<string> {
  if (key) {
    const found = await db.product.findUnique({ where: { key }, select: { id: true } });
    if (!found) {
      throw new AppError("UNPROCESSABLE", "UNKNOWN_PRODUCT", `There is no product '${key}'.`, {
        product: key,
      });
    }
    return found.id;
  }
  const defaultId = await storedDefaultId(db);
  if (defaultId) return defaultId;
  const oldest = await db.product.findFirst({
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  if (!oldest) throw new Error("No product exists; the migrations create one.");
  return oldest.id;
}

async function peopleById(db: DbTransaction, ids: readonly string[]) {
  const people = await db.user.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, name: true, role: true, isActive: true },
  });
  const missing = ids.find((id) => !people.some((p) => p.id === id));
  if (missing) {
    throw new AppError("UNPROCESSABLE", "UNKNOWN_USER", "There is no user with this id.", {
      userId: missing,
    });
  }
  return people;
}

function taken(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new AppError(
      "CONFLICT",
      "PRODUCT_TAKEN",
      "Another product already has this key or name.",
    );
  }
  throw error;
}

async function audit(
  tx: DbTransaction,
  actor: SessionUser,
  action: "PRODUCT_CREATED" | "PRODUCT_UPDATED" | "APPROVERS_CHANGED",
  before: unknown,
  after: unknown,
  comment: string,
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      action,
      actorId: actor.id,
      comment,
      before: before === undefined ? Prisma.DbNull : (before as Prisma.InputJsonValue),
      after: after as Prisma.InputJsonValue,
    },
  });
}

/** 403 unless the actor is an administrator or one of the product's current owners. */
function assertManages(actor: SessionUser, product: ProductRow): void {
  const ownerIds = product.owners.map((owner) => owner.user.id);
  if (mayManageProduct(actor, ownerIds)) return;
  throw new AppError(
    "FORBIDDEN",
    "NOT_AN_OWNER",
    `Only administrators and the owners of ${product.name} change it and name its approvers.`,
  );
}

export async function createProduct(
  actor: SessionUser,
  input: ProductCreateInput,
): Promise<ProductDto> {
  assertCan(actor.role, "products.manage");
  return getDb()
    .$transaction(async (tx) => {
      const problem = ownersProblem(await peopleById(tx, input.ownerIds));
      if (problem) throw problem;
      const created = await tx.product.create({
        data: {
          key: input.key,
          name: input.name,
          description: input.description ?? null,
          owners: { create: input.ownerIds.map((userId) => ({ userId })) },
        },
        select: productSelect,
      });
      await audit(
        tx,
        actor,
        "PRODUCT_CREATED",
        undefined,
        { key: input.key, name: input.name, ownerIds: input.ownerIds },
        `Product ${input.name} (${input.key}) created.`,
      );
      return toDto(created, await storedDefaultId(tx));
    })
    .catch(taken);
}

export async function updateProduct(
  actor: SessionUser,
  key: string,
  input: ProductUpdateInput,
): Promise<ProductDto> {
  assertCan(actor.role, "products.manage");
  return getDb()
    .$transaction(async (tx) => {
      const before = await tx.product.findUnique({ where: { key }, select: productSelect });
      if (!before) throw unknownProduct(key);
      assertManages(actor, before);
      if (input.ownerIds) {
        const problem = ownersProblem(await peopleById(tx, input.ownerIds));
        if (problem) throw problem;
        await tx.productOwner.deleteMany({ where: { productId: before.id } });
        await tx.productOwner.createMany({
          data: input.ownerIds.map((userId) => ({ productId: before.id, userId })),
        });
      }
      const updated = await tx.product.update({
        where: { id: before.id },
        data: {
          ...(input.name !== undefined && { name: input.name }),
          ...(input.description !== undefined && { description: input.description }),
        },
        select: productSelect,
      });
      await audit(
        tx,
        actor,
        "PRODUCT_UPDATED",
        {
          name: before.name,
          description: before.description,
          ownerIds: before.owners.map((o) => o.user.id),
        },
        {
          name: updated.name,
          description: updated.description,
          ownerIds: updated.owners.map((o) => o.user.id),
        },
        `Product ${updated.name} (${key}) changed.`,
      );
      return toDto(updated, await storedDefaultId(tx));
    })
    .catch(taken);
}

/**
 * Names the approvers of one stage of a product (an empty list: the role rule alone). Admins and
 * the product's owners may; each person must hold a role the stage allows.
 */
export async function setApprovers(
  actor: SessionUser,
  key: string,
  stage: StageKey,
  userIds: readonly string[],
): Promise<ProductDto> {
  const settings = await getPlanningSettings();
  return getDb().$transaction(async (tx) => {
    const product = await tx.product.findUnique({ where: { key }, select: productSelect });
    if (!product) throw unknownProduct(key);
    assertManages(actor, product);
    const problem = approversProblem(
      stage,
      settings.stageRules[stage],
      await peopleById(tx, userIds),
    );
    if (problem) throw problem;
    const before = product.approvers.filter((a) => a.stageKey === stage).map((a) => a.user.id);
    await tx.productApprover.deleteMany({ where: { productId: product.id, stageKey: stage } });
    await tx.productApprover.createMany({
      data: userIds.map((userId) => ({ productId: product.id, stageKey: stage, userId })),
    });
    await audit(
      tx,
      actor,
      "APPROVERS_CHANGED",
      { product: key, stage, userIds: before },
      { product: key, stage, userIds },
      userIds.length
        ? `${STAGE_NAMES[stage]} of ${product.name} is now signed off by its ${userIds.length} named approver(s) only.`
        : `${STAGE_NAMES[stage]} of ${product.name} is signed off by role again (no named approvers).`,
    );
    const updated = await tx.product.findUniqueOrThrow({
      where: { id: product.id },
      select: productSelect,
    });
    return toDto(updated, await storedDefaultId(tx));
  });
}
