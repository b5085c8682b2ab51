import { getDb } from "@/lib/server/db/client";

/** Liveness and database reachability, for load balancers and the test server's start-up wait. */
export async function GET() {
  try {
    await getDb().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" });
  } catch (error) {
    console.error("Health check failed:", error);
    return Response.json({ status: "unavailable" }, { status: 503 });
  }
}
