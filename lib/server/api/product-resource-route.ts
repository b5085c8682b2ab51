import "server-only";

// A product's sub-resource kept by its owners and administrators (its train, its GitOps target):
// GET, PUT with a validated body, DELETE → 204, each as the same few steps.
import type { z } from "zod";

import type { Permission } from "@/lib/permissions";
import type { SessionUser } from "@/lib/types/user";

import { apiRoute, authenticate, parseJsonBody } from "./handler";
import { type ProductParams, productKeyOf } from "./params";

export function productResourceRoute<Schema extends z.ZodType, Dto>(options: {
  /** Who may read it. */
  read: Permission;
  get: (user: SessionUser, key: string) => Promise<Dto>;
  schema: Schema;
  set: (user: SessionUser, key: string, input: z.infer<Schema>) => Promise<Dto>;
  remove: (user: SessionUser, key: string) => Promise<void>;
}) {
  return {
    GET: apiRoute<ProductParams>(async (request, context) => {
      const user = await authenticate(request, options.read);
      return Response.json(await options.get(user, await productKeyOf(context)));
    }),
    PUT: apiRoute<ProductParams>(async (request, context) => {
      const user = await authenticate(request, "products.manage");
      const key = await productKeyOf(context);
      const input = await parseJsonBody(request, options.schema);
      return Response.json(await options.set(user, key, input));
    }),
    DELETE: apiRoute<ProductParams>(async (request, context) => {
      const user = await authenticate(request, "products.manage");
      await options.remove(user, await productKeyOf(context));
      return new Response(null, { status: 204 });
    }),
  };
}
