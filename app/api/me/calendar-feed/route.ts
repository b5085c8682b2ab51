import { apiRoute, authenticate } from "@/lib/server/api/handler";
import { publicOrigin } from "@/lib/server/api/origin";
import { getOrCreateFeedUrl, revokeFeed } from "@/lib/server/calendar-feed/feed-tokens";

/** GET /api/me/calendar-feed — the caller's feed URL (created on first call); a session only. */
export const GET = apiRoute(async (request) => {
  const user = await authenticate(request, "account.read");
  return Response.json({ url: await getOrCreateFeedUrl(user, publicOrigin(request)) });
});

/** DELETE /api/me/calendar-feed — revokes the feed URL; it answers 404 from then on. */
export const DELETE = apiRoute(async (request) => {
  const user = await authenticate(request, "account.manage");
  await revokeFeed(user);
  return new Response(null, { status: 204 });
});
