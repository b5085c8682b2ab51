/**
 * Liveness: the process serves requests. It does not touch the database, so that a database
 * outage does not get every instance restarted; /api/ready says whether to send traffic.
 */
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
