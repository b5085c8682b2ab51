import { checkReadiness } from "@/lib/server/db/readiness";

/**
 * Readiness, for load balancers and Kubernetes: 200 when the database answers and has every
 * migration of this build, 503 otherwise (with what is missing). Public, like /api/health.
 */
export async function GET() {
  const readiness = await checkReadiness();
  return Response.json(readiness, {
    status: readiness.status === "ready" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
