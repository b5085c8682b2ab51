// Hostile input for the fuzz tests (in-process: tests/integration/fuzz.test.ts; through the real
// HTTP server: servers.test.ts): NUL bytes, out-of-range and impossible dates, wrong types, huge
// values, malformed JSON, unknown parameters, and real ids or keys mixed in.
import * as fc from "fast-check";
import type { z } from "zod";

import type { Operation } from "@/lib/http/openapi";

export const NASTY = [
  "\u0000",
  "a\u0000b",
  "2027-03-15\u0000",
  "0001-01-01",
  "0000-00-00",
  "9999-12-31",
  "275760-09-13",
  "2027-02-30",
  "2027-13-01",
  "2027-03-15T00:00:00Z",
  "-1",
  "0",
  "1e309",
  "99999999999999999999",
  "NaN",
  "null",
  "true",
  "[]",
  "{}",
  "'; DROP TABLE releases; --",
  "../../etc/passwd",
  "\uD800",
  "%00",
  "%C0%AF",
  "😀",
  "x".repeat(5000),
  "DEV",
  "PROD",
  "RELEASE",
  "PATCH",
  "LIVE",
  "APPROVE",
  "REJECT",
  "2027-03-15",
  "2027-03-12",
  "01900000-0000-7000-8000-000000000000",
];
export const hostileText = (realValues: readonly string[] = []) =>
  fc.oneof(
    fc.constantFrom(...NASTY, ...realValues),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: "binary", maxLength: 20 }),
  );
export const hostileValue = (realValues: readonly string[] = []): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 4, arbitrary: hostileText(realValues) },
    fc.integer(),
    fc.double(),
    fc.constantFrom(null, true, false, Number.MAX_SAFE_INTEGER, -1, 1e308),
    fc.array(hostileText(realValues), { maxLength: 3 }),
    fc.dictionary(hostileText(realValues), hostileText(realValues), { maxKeys: 3 }),
  );

/** Percent-encoding that survives lone surrogates (sent as the bytes a sloppy client would send). */
export function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return "%ED%A0%80";
  }
}

export function keysOf(schema: z.ZodType | undefined): string[] {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

/** A query string: some of the operation's parameters (and maybe an unknown one), hostile values. */
export function hostileQuery(
  operation: Operation,
  realValues: readonly string[] = [],
): fc.Arbitrary<string> {
  const keys = [...keysOf(operation.query), "limit", "cursor", "token", "product", "zz"];
  return fc
    .array(fc.tuple(fc.constantFrom(...keys), hostileText(realValues)), { maxLength: 5 })
    .map((pairs) => {
      if (!pairs.length) return "";
      return `?${pairs
        .map(([key, value]) => `${key}=${encode(value).replace(/%25(00|C0)/g, "%$1")}`)
        .join("&")}`;
    });
}

/** A body: malformed JSON, any JSON, or the operation's fields with hostile values. */
export function hostileBody(
  operation: Operation,
  realValues: readonly string[] = [],
): fc.Arbitrary<string | undefined> {
  if (operation.method === "GET" || operation.method === "DELETE") return fc.constant(undefined);
  const keys = keysOf(operation.body);
  return fc.oneof(
    fc.constantFrom("", "{", "[1,", '{"a":', "\u0000", "null", "[]", '"text"', "1e999"),
    fc.jsonValue().map((value) => JSON.stringify(value)),
    keys.length
      ? fc
          .dictionary(fc.constantFrom(...keys, "zz"), hostileValue(realValues), {
            maxKeys: keys.length + 1,
          })
          .map((value) => JSON.stringify(value))
      : fc.constant("{}"),
  );
}
