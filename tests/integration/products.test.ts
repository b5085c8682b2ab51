// Products, named approvers and delegations through their routes: shapes, rules, audit, and that a
// refused change writes nothing.
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as approvalsRoute from "@/app/api/me/approvals/route";
import * as delegationRoute from "@/app/api/me/delegations/[id]/route";
import * as delegationsRoute from "@/app/api/me/delegations/route";
import * as approversRoute from "@/app/api/products/[key]/approvers/[stage]/route";
import * as productRoute from "@/app/api/products/[key]/route";
import * as productsRoute from "@/app/api/products/route";
import * as auditRoute from "@/app/api/releases/[id]/audit/route";
import * as releaseRoute from "@/app/api/releases/[id]/route";
import * as signoffRoute from "@/app/api/releases/[id]/stages/[key]/signoff/route";
import * as releasesRoute from "@/app/api/releases/route";
import { addDays } from "@/lib/domain/dates";
import { getPlanningSettings } from "@/lib/server/settings/get-planning-settings";
import { companyToday } from "@/lib/server/today";
import type { ProductDto } from "@/lib/types/product";
import type { AuditEventDto, ReleaseDto } from "@/lib/types/release";
import type { SessionUser } from "@/lib/types/user";

import { issueTestToken } from "../support/api-tokens";
import { callJson } from "../support/call-route";
import { createUser, goLiveIn } from "../support/factories";
import { signedInCookie } from "../support/session-cookie";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

type Person = SessionUser & { token: string; cookie: string };
let db: TestDatabase;
const people = {} as Record<"admin" | "rm" | "rm2" | "qa" | "qa2" | "qa3" | "viewer", Person>;
let today: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const roles = {
    admin: "ADMIN",
    rm: "RELEASE_MANAGER",
    rm2: "RELEASE_MANAGER",
    qa: "QA",
    qa2: "QA",
    qa3: "QA",
    viewer: "VIEWER",
  } as const;
  for (const [key, role] of Object.entries(roles)) {
    const user = await createUser(db.prisma, role, `${key} person`);
    people[key as keyof typeof people] = {
      ...user,
      token: await issueTestToken(db.prisma, user.email),
      cookie: (await signedInCookie(user)).cookie,
    };
  }
  today = companyToday((await getPlanningSettings()).companyTimeZone);
});
afterAll(() => db.close());

const createProduct = (who: Person, body: unknown) =>
  callJson<ProductDto & { error?: { code: string } }>(productsRoute.POST, {
    method: "POST",
    path: "/api/products",
    token: who.token,
    body,
  });

const nameApprovers = (who: Person, key: string, stage: string, userIds: string[]) =>
  callJson<ProductDto & { error?: { code: string } }>(approversRoute.PUT, {
    method: "PUT",
    path: `/api/products/${key}/approvers/${stage}`,
    token: who.token,
    body: { userIds },
    params: { key, stage },
  });

async function createRelease(product?: string, name = "Release") {
  return callJson<ReleaseDto & { error?: { code: string } }>(releasesRoute.POST, {
    method: "POST",
    path: "/api/releases",
    token: people.rm.token,
    body: {
      name,
      version: `v${randomUUID().slice(0, 8)}`,
      type: "RELEASE",
      goLive: await goLiveIn(60),
      ...(product && { product }),
    },
  });
}

const signoff = (who: Person, id: string, key: string, body: Record<string, unknown> = {}) =>
  callJson<ReleaseDto & { error?: { code: string; message: string } }>(signoffRoute.POST, {
    method: "POST",
    path: `/api/releases/${id}/stages/${key}/signoff`,
    token: who.token,
    body: { decision: "APPROVE", ...body },
    params: { id, key },
  });

describe("products", () => {
  it("creates a product with owners, lists and reads it, and audits the change", async () => {
    const created = await createProduct(people.rm, {
      key: "payments-api",
      name: "Payments API",
      ownerIds: [people.rm.id],
      description: "Card and SEPA payments",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      key: "payments-api",
      name: "Payments API",
      owners: [{ id: people.rm.id }],
      releaseCount: 0,
      isDefault: false,
    });
    expect(created.body.approvers.TEST).toEqual([]);
    const list = await callJson<ProductDto[]>(productsRoute.GET, {
      path: "/api/products",
      token: people.viewer.token,
    });
    expect(list.body.map((p) => p.key)).toEqual(
      expect.arrayContaining(["general", "payments-api"]),
    );
    expect(list.body.find((p) => p.key === "general")?.isDefault).toBe(true);
    const audit = await db.prisma.auditEvent.findFirst({ where: { action: "PRODUCT_CREATED" } });
    expect(audit?.actorId).toBe(people.rm.id);
  });

  it("refuses a taken key or name (409), a bad key (400), a QA owner or an unknown user (422)", async () => {
    const before = await db.prisma.product.count();
    const taken = await createProduct(people.admin, { key: "payments-api", name: "Other" });
    expect([taken.status, taken.body.error?.code]).toEqual([409, "PRODUCT_TAKEN"]);
    const bad = await createProduct(people.admin, { key: "Payments API", name: "X" });
    expect([bad.status, bad.body.error?.code]).toEqual([400, "VALIDATION_FAILED"]);
    const qaOwner = await createProduct(people.admin, {
      key: "search",
      name: "Search",
      ownerIds: [people.qa.id],
    });
    expect([qaOwner.status, qaOwner.body.error?.code]).toEqual([422, "ROLE_NOT_ALLOWED"]);
    const unknown = await createProduct(people.admin, {
      key: "search",
      name: "Search",
      ownerIds: ["0190b7a4-0000-7000-8000-000000000000"],
    });
    expect([unknown.status, unknown.body.error?.code]).toEqual([422, "UNKNOWN_USER"]);
    expect(await db.prisma.product.count()).toBe(before);
  });

  it("renames a product and changes its owners; the key stays; an unknown key is 404", async () => {
    // Only its owners (and administrators) change it: rm2 owns nothing here yet.
    const stranger = await callJson<{ error: { code: string } }>(productRoute.PATCH, {
      method: "PATCH",
      path: "/api/products/payments-api",
      token: people.rm2.token,
      body: { ownerIds: [people.rm2.id] },
      params: { key: "payments-api" },
    });
    expect([stranger.status, stranger.body.error.code]).toEqual([403, "NOT_AN_OWNER"]);
    const patched = await callJson<ProductDto>(productRoute.PATCH, {
      method: "PATCH",
      path: "/api/products/payments-api",
      token: people.rm.token,
      body: { name: "Payments", ownerIds: [people.rm.id, people.rm2.id] },
      params: { key: "payments-api" },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.name).toBe("Payments");
    expect(patched.body.owners.map((o) => o.id).sort()).toEqual(
      [people.rm.id, people.rm2.id].sort(),
    );
    const missing = await callJson(productRoute.GET, {
      path: "/api/products/nope",
      token: people.viewer.token,
      params: { key: "nope" },
    });
    expect(missing.status).toBe(404);
    // Back to one owner for the tests below.
    await callJson(productRoute.PATCH, {
      method: "PATCH",
      path: "/api/products/payments-api",
      token: people.admin.token,
      body: { name: "Payments API", ownerIds: [people.rm.id] },
      params: { key: "payments-api" },
    });
  });

  it("puts a release into the product it names, else the default product; an unknown one is 422", async () => {
    const named = await createRelease("payments-api");
    expect(named.status).toBe(201);
    expect(named.body.product).toEqual({ key: "payments-api", name: "Payments API" });
    const unnamed = await createRelease();
    expect(unnamed.body.product.key).toBe("general");
    const count = await db.prisma.release.count();
    const unknown = await createRelease("no-such-product");
    expect([unknown.status, unknown.body.error?.code]).toEqual([422, "UNKNOWN_PRODUCT"]);
    expect(await db.prisma.release.count()).toBe(count);
  });

  it("filters the list by one or several products", async () => {
    const list = async (query: string) =>
      (
        await callJson<ReleaseDto[]>(releasesRoute.GET, {
          path: `/api/releases?${query}`,
          token: people.viewer.token,
        })
      ).body;
    const payments = await list("product=payments-api");
    expect(payments.length).toBeGreaterThan(0);
    expect(payments.every((r) => r.product.key === "payments-api")).toBe(true);
    const both = await list("product=payments-api&product=general");
    expect(both.length).toBe((await list("")).length);
    const bad = await callJson(releasesRoute.GET, {
      path: "/api/releases?product=NOT%20A%20KEY",
      token: people.viewer.token,
    });
    expect(bad.status).toBe(400);
  });
});

describe("named approvers", () => {
  it("lets the owners and admins name them, each holding an allowed role", async () => {
    const notOwner = await nameApprovers(people.rm2, "payments-api", "TEST", [people.qa.id]);
    expect([notOwner.status, notOwner.body.error?.code]).toEqual([403, "NOT_AN_OWNER"]);
    const wrongRole = await nameApprovers(people.rm, "payments-api", "TEST", [people.rm2.id]);
    expect([wrongRole.status, wrongRole.body.error?.code]).toEqual([422, "ROLE_NOT_ALLOWED"]);
    const byOwner = await nameApprovers(people.rm, "payments-api", "TEST", [people.qa.id]);
    expect(byOwner.status).toBe(200);
    expect(byOwner.body.approvers.TEST.map((p) => p.id)).toEqual([people.qa.id]);
    const unknownStage = await nameApprovers(people.admin, "payments-api", "QA", []);
    expect(unknownStage.status).toBe(404);
  });

  it("lets only the named approvers sign; an empty list restores the role rule", async () => {
    const { body: release } = await createRelease("payments-api", "Named approvers");
    expect((await signoff(people.qa2, release.id, "DEV")).status).toBe(200);
    const stranger = await signoff(people.qa2, release.id, "TEST");
    expect([stranger.status, stranger.body.error?.code]).toEqual([403, "NOT_AN_APPROVER"]);
    const read = await callJson<ReleaseDto>(releaseRoute.GET, {
      path: `/api/releases/${release.id}`,
      token: people.viewer.token,
      params: { id: release.id },
    });
    expect(read.body.stages[1]!.approvers.map((p) => p.id)).toEqual([people.qa.id]);

    await nameApprovers(people.admin, "payments-api", "TEST", []);
    expect((await signoff(people.qa2, release.id, "TEST")).status).toBe(200);
    await nameApprovers(people.rm, "payments-api", "TEST", [people.qa.id]);
    expect(await db.prisma.auditEvent.count({ where: { action: "APPROVERS_CHANGED" } })).toBe(3);
  });
});

describe("delegation", () => {
  const createDelegation = (who: Person, body: unknown) =>
    callJson<{ id: string; isRunning: boolean; error?: { code: string } }>(delegationsRoute.POST, {
      method: "POST",
      path: "/api/me/delegations",
      cookie: who.cookie,
      body,
    });

  it("refuses oneself, an inactive deputy, an end before the start, an overlap, and a viewer", async () => {
    const range = { from: today, to: addDays(today, 4) };
    const self = await createDelegation(people.qa, { deputyId: people.qa.id, ...range });
    expect([self.status, self.body.error?.code]).toEqual([422, "DEPUTY_IS_SELF"]);
    const inactive = await createUser(db.prisma, "QA", "Gone");
    await db.prisma.user.update({ where: { id: inactive.id }, data: { isActive: false } });
    const gone = await createDelegation(people.qa, { deputyId: inactive.id, ...range });
    expect([gone.status, gone.body.error?.code]).toEqual([422, "DEPUTY_NOT_ACTIVE"]);
    const backwards = await createDelegation(people.qa, {
      deputyId: people.qa2.id,
      from: range.to,
      to: range.from,
    });
    expect([backwards.status, backwards.body.error?.code]).toEqual([422, "END_BEFORE_START"]);
    const viewer = await createDelegation(people.viewer, { deputyId: people.qa.id, ...range });
    expect(viewer.status).toBe(403);
    const bad = await createDelegation(people.qa, { deputyId: "someone", ...range });
    expect(bad.status).toBe(400);
    expect(await db.prisma.delegation.count()).toBe(0);
  });

  it("lets the deputy decide for the absent approver; both are recorded and audited", async () => {
    // qa is the only named approver of Payments TEST and goes on leave; qa2 stands in.
    const created = await createDelegation(people.qa, {
      deputyId: people.qa2.id,
      from: addDays(today, -1),
      to: addDays(today, 6),
    });
    expect(created.status).toBe(201);
    expect(created.body.isRunning).toBe(true);
    const overlap = await createDelegation(people.qa, {
      deputyId: people.qa3.id,
      from: addDays(today, 3),
      to: addDays(today, 9),
    });
    expect([overlap.status, overlap.body.error?.code]).toEqual([422, "DELEGATION_OVERLAP"]);

    const { body: release } = await createRelease("payments-api", "Deputy story");
    await signoff(people.qa3, release.id, "DEV");

    const waiting = await callJson<{
      items: {
        release: { id: string };
        stage: { key: string };
        onBehalfOf: { id: string } | null;
      }[];
    }>(approvalsRoute.GET, { path: "/api/me/approvals", token: people.qa2.token });
    const item = waiting.body.items.find((entry) => entry.release.id === release.id);
    expect(item?.stage.key).toBe("TEST");
    expect(item?.onBehalfOf?.id).toBe(people.qa.id);

    const signed = await signoff(people.qa2, release.id, "TEST", { comment: "Regression green" });
    expect(signed.status).toBe(200);
    const approval = signed.body.stages[1]!.approvals[0]!;
    expect(approval.user.id).toBe(people.qa2.id);
    expect(approval.onBehalfOf?.id).toBe(people.qa.id);
    const audit = await callJson<AuditEventDto[]>(auditRoute.GET, {
      path: `/api/releases/${release.id}/audit`,
      token: people.viewer.token,
      params: { id: release.id },
    });
    const approved = audit.body.find((e) => e.action === "STAGE_APPROVED" && e.stageKey === "TEST");
    expect(approved?.actor?.id).toBe(people.qa2.id);
    expect(approved?.after).toMatchObject({ onBehalfOf: { id: people.qa.id, name: "qa person" } });
  });

  it("asking to decide for someone whose delegation does not run is 403 NOT_A_DEPUTY", async () => {
    const { body: release } = await createRelease("payments-api", "Not a deputy");
    await signoff(people.qa3, release.id, "DEV");
    const refused = await signoff(people.qa3, release.id, "TEST", { onBehalfOf: people.qa.id });
    expect([refused.status, refused.body.error?.code]).toEqual([403, "NOT_A_DEPUTY"]);
    expect(
      await db.prisma.approval.count({ where: { stageWindow: { releaseId: release.id } } }),
    ).toBe(1);
  });

  it("lists and ends a delegation; afterwards the deputy may no longer decide", async () => {
    const mine = await callJson<{ id: string; deputy: { id: string } }[]>(delegationsRoute.GET, {
      path: "/api/me/delegations",
      cookie: people.qa.cookie,
    });
    expect(mine.body).toHaveLength(1);
    const theirs = await callJson<{ id: string }[]>(delegationsRoute.GET, {
      path: "/api/me/delegations",
      cookie: people.qa2.cookie,
    });
    expect(theirs.body.map((d) => d.id)).toEqual([mine.body[0]!.id]);
    const id = mine.body[0]!.id;
    // Someone else cannot end it.
    const other = await callJson(delegationRoute.DELETE, {
      method: "DELETE",
      path: `/api/me/delegations/${id}`,
      cookie: people.qa3.cookie,
      params: { id },
    });
    expect(other.status).toBe(404);
    const ended = await callJson(delegationRoute.DELETE, {
      method: "DELETE",
      path: `/api/me/delegations/${id}`,
      cookie: people.qa.cookie,
      params: { id },
    });
    expect(ended.status).toBe(204);
    expect(await db.prisma.auditEvent.count({ where: { action: "DELEGATION_ENDED" } })).toBe(1);

    const { body: release } = await createRelease("payments-api", "After the leave");
    await signoff(people.qa3, release.id, "DEV");
    const refused = await signoff(people.qa2, release.id, "TEST");
    expect([refused.status, refused.body.error?.code]).toEqual([403, "NOT_AN_APPROVER"]);
  });
});
