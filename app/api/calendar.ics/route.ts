import { apiRoute } from "@/lib/server/api/handler";
import { publicOrigin } from "@/lib/server/api/origin";
import { buildFeed } from "@/lib/server/calendar-feed/build-feed";
import { userOfFeedToken } from "@/lib/server/calendar-feed/feed-tokens";

/** GET /api/calendar.ics?token=… — the iCalendar feed; the secret token in the URL is the credential. */
export const GET = apiRoute(async (request) => {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const user = await userOfFeedToken(token);
  const body = await buildFeed(user, publicOrigin(request));
  return new Response(body, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'inline; filename="release-calendar.ics"',
      "cache-control": "private, max-age=300",
    },
  });
});
