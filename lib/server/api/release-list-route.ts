import "server-only";

import { emptyQuerySchema, pageQuerySchema } from "@/lib/validation/common";

import { apiRoute, authenticate, parseSearchParams } from "./handler";
import { pageOf, pageResponse } from "./paging";
import { type ReleaseParams, releaseIdOf } from "./params";

/** `GET /api/releases/{id}/<list>?limit&cursor`: one of a release's lists, paged, for anyone signed in. */
export function releaseListRoute<T>(list: (releaseId: string) => Promise<T[]>) {
  return apiRoute<ReleaseParams>(async (request, context) => {
    await authenticate(request, "releases.read");
    const id = await releaseIdOf(context);
    const page = parseSearchParams(request, pageQuerySchema);
    return pageResponse(request, pageOf(await list(id), page));
  });
}

/** `GET /api/releases/{id}/<thing>`: one of a release's sets as JSON, for anyone signed in. */
export function releaseJsonRoute<T>(read: (releaseId: string) => Promise<T>) {
  return apiRoute<ReleaseParams>(async (request, context) => {
    await authenticate(request, "releases.read");
    const id = await releaseIdOf(context);
    parseSearchParams(request, emptyQuerySchema);
    return Response.json(await read(id));
  });
}
