import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

import { Prisma } from "@/generated/prisma/client";
import { AppError, type AppErrorKind } from "@/lib/errors";
import { log } from "@/lib/server/log";

import { errorResponse } from "./errors";

afterEach(() => vi.restoreAllMocks());

describe("errorResponse", () => {
  it.each<[AppErrorKind, number]>([
    ["BAD_REQUEST", 400],
    ["UNAUTHENTICATED", 401],
    ["FORBIDDEN", 403],
    ["NOT_FOUND", 404],
    ["CONFLICT", 409],
    ["UNPROCESSABLE", 422],
  ])("maps %s to %i with the error envelope", async (kind, status) => {
    const response = errorResponse(new AppError(kind, "NO_CHANGES", "Human readable.", { x: 1 }));
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({
      error: { code: "NO_CHANGES", message: "Human readable.", details: { x: 1 } },
    });
  });

  it("answers 400 with the failing fields for a zod error", async () => {
    const result = z.object({ goLive: z.string().min(10) }).safeParse({ goLive: "x" });
    const response = errorResponse(result.error);
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { code: string; details: { issues: { path: string }[] } };
    };
    expect(body.error.code).toBe("VALIDATION_FAILED");
    expect(body.error.details.issues[0]?.path).toBe("goLive");
  });

  it("answers 409 for a unique violation, found by Prisma's code", async () => {
    const error = new Prisma.PrismaClientKnownRequestError("Unique constraint failed", {
      code: "P2002",
      clientVersion: "7.10.0",
    });
    const response = errorResponse(error);
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("DUPLICATE");
  });

  it("answers 500 without leaking details for anything unexpected, and logs it once", async () => {
    const logged = vi.spyOn(log(), "error").mockImplementation(() => {});
    const response = errorResponse(new Error("connection string postgres://secret@db"));
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain("secret");
    expect(JSON.parse(text)).toEqual({ error: { code: "INTERNAL", message: expect.any(String) } });
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged.mock.calls[0]![1]).toBe("unexpected error");
  });
});
