import { openApiDocument } from "@/lib/http/openapi";
import { apiRoute } from "@/lib/server/api/handler";
import { publicOrigin } from "@/lib/server/api/origin";

/** GET /api/openapi.json — the OpenAPI 3.1 description of every route; anyone may read it. */
export const GET = apiRoute(async (request) =>
  Response.json(openApiDocument(publicOrigin(request)), {
    headers: { "cache-control": "public, max-age=300" },
  }),
);
