// Every API route and its methods, in one table: the front door answers an unknown path with a
// JSON 404 and a wrong method with a JSON 405 and `Allow`, instead of Next's HTML page or empty
// answer. A test (api-routes.test.ts) keeps the table equal to the route files under app/api.

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type ApiRoute = { path: string; methods: readonly HttpMethod[] };

/** `{name}` is one path segment; `{...name}` any number of them. */
export const API_ROUTES: readonly ApiRoute[] = [
  { path: "/api/auth/{...nextauth}", methods: ["GET", "POST"] },
  { path: "/api/calendar.ics", methods: ["GET"] },
  { path: "/api/deliveries", methods: ["GET"] },
  { path: "/api/deployments", methods: ["POST"] },
  { path: "/api/exceptions", methods: ["GET"] },
  { path: "/api/exceptions/{id}/approve", methods: ["POST"] },
  { path: "/api/exceptions/{id}/refuse", methods: ["POST"] },
  { path: "/api/gate", methods: ["GET"] },
  { path: "/api/health", methods: ["GET"] },
  { path: "/api/me/approvals", methods: ["GET"] },
  { path: "/api/me/calendar-feed", methods: ["GET", "DELETE"] },
  { path: "/api/me/delegations", methods: ["GET", "POST"] },
  { path: "/api/me/delegations/{id}", methods: ["DELETE"] },
  { path: "/api/me/notifications", methods: ["GET", "PUT"] },
  { path: "/api/me/password", methods: ["POST"] },
  { path: "/api/me/sessions", methods: ["GET"] },
  { path: "/api/me/sessions/{id}", methods: ["DELETE"] },
  { path: "/api/me/tokens", methods: ["GET", "POST"] },
  { path: "/api/me/tokens/{id}", methods: ["DELETE"] },
  { path: "/api/me/watches", methods: ["GET"] },
  { path: "/api/me/watches/products/{key}", methods: ["PUT", "DELETE"] },
  { path: "/api/me/watches/releases/{id}", methods: ["PUT", "DELETE"] },
  { path: "/api/openapi.json", methods: ["GET"] },
  { path: "/api/plan", methods: ["POST"] },
  { path: "/api/plan/search", methods: ["POST"] },
  { path: "/api/products", methods: ["GET", "POST"] },
  { path: "/api/products/{key}", methods: ["GET", "PATCH"] },
  { path: "/api/products/{key}/approvers/{stage}", methods: ["PUT"] },
  { path: "/api/products/{key}/gitops", methods: ["GET", "PUT", "DELETE"] },
  { path: "/api/products/{key}/gitops/test", methods: ["POST"] },
  { path: "/api/products/{key}/notes", methods: ["GET"] },
  { path: "/api/products/{key}/notes.atom", methods: ["GET"] },
  { path: "/api/products/{key}/signal-matching", methods: ["GET", "PUT", "DELETE"] },
  { path: "/api/products/{key}/train", methods: ["GET", "PUT", "DELETE"] },
  { path: "/api/products/{key}/train/plan", methods: ["POST"] },
  { path: "/api/products/{key}/train/preview", methods: ["POST"] },
  { path: "/api/promotions/{id}/retry", methods: ["POST"] },
  { path: "/api/ready", methods: ["GET"] },
  { path: "/api/regions", methods: ["GET"] },
  { path: "/api/releases", methods: ["GET", "POST"] },
  { path: "/api/releases/{id}", methods: ["GET", "PATCH"] },
  { path: "/api/releases/{id}/audit", methods: ["GET"] },
  { path: "/api/releases/{id}/cancel", methods: ["POST"] },
  { path: "/api/releases/{id}/deployments", methods: ["GET"] },
  { path: "/api/releases/{id}/exceptions", methods: ["GET", "POST"] },
  { path: "/api/releases/{id}/hold", methods: ["POST"] },
  { path: "/api/releases/{id}/notes", methods: ["GET", "PUT"] },
  { path: "/api/releases/{id}/notes/publish", methods: ["POST"] },
  { path: "/api/releases/{id}/outcome", methods: ["POST"] },
  { path: "/api/releases/{id}/promotions", methods: ["GET", "POST"] },
  { path: "/api/releases/{id}/resume", methods: ["POST"] },
  { path: "/api/releases/{id}/rollout", methods: ["PUT"] },
  { path: "/api/releases/{id}/signals", methods: ["GET"] },
  { path: "/api/releases/{id}/rollout/steps/{position}/done", methods: ["POST"] },
  { path: "/api/releases/{id}/stages/{key}/reopen", methods: ["POST"] },
  { path: "/api/releases/{id}/stages/{key}/signoff", methods: ["POST"] },
  { path: "/api/releases/{id}/what-if", methods: ["POST"] },
  { path: "/api/reports/releases.csv", methods: ["GET"] },
  { path: "/api/signals", methods: ["GET", "POST"] },
  { path: "/api/signals/alertmanager", methods: ["POST"] },
  { path: "/api/tokens", methods: ["GET"] },
  { path: "/api/tokens/{id}", methods: ["DELETE"] },
  { path: "/api/users", methods: ["GET", "POST"] },
  { path: "/api/users/{id}", methods: ["GET", "PATCH"] },
  { path: "/api/users/{id}/password-reset", methods: ["POST"] },
  { path: "/api/webhooks", methods: ["GET", "POST"] },
  { path: "/api/webhooks/{id}", methods: ["DELETE"] },
  { path: "/api/webhooks/{id}/deliveries", methods: ["GET"] },
  { path: "/api/webhooks/{id}/test", methods: ["POST"] },
  { path: "/api/windows", methods: ["GET", "POST"] },
  { path: "/api/windows/export", methods: ["GET"] },
  { path: "/api/windows/{id}", methods: ["PATCH", "DELETE"] },
  { path: "/api/working-days", methods: ["GET"] },
];

function matches(pattern: string, pathname: string): boolean {
  const want = pattern.split("/");
  const got = pathname.replace(/\/$/, "").split("/");
  for (const [index, part] of want.entries()) {
    if (part.startsWith("{...")) return got.length > index;
    const segment = got[index];
    if (segment === undefined) return false;
    if (part.startsWith("{")) {
      if (segment === "") return false;
    } else if (part !== segment) {
      return false;
    }
  }
  return got.length === want.length;
}

/** Whether every percent-escape of a path decodes to UTF-8 (`%ED%A0%80` is half a character). */
export function isWellEncoded(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** The route a path belongs to, if any. */
export function findApiRoute(pathname: string): ApiRoute | undefined {
  return API_ROUTES.find((route) => matches(route.path, pathname));
}

/** Why a request cannot reach any handler: 404 (no such route) or 405 (not this method). */
export function routeRefusal(
  method: string,
  pathname: string,
):
  | { status: 404 | 405; code: "NOT_FOUND" | "METHOD_NOT_ALLOWED"; message: string; allow?: string }
  | undefined {
  // Next.js would fail decoding such a path into route parameters (a 500): it names nothing here.
  const route = isWellEncoded(pathname) ? findApiRoute(pathname) : undefined;
  if (!route) {
    return { status: 404, code: "NOT_FOUND", message: `There is no API route ${pathname}.` };
  }
  const allowed: string[] = [...route.methods];
  if (allowed.includes("GET")) allowed.push("HEAD");
  allowed.push("OPTIONS");
  if (allowed.includes(method.toUpperCase())) return undefined;
  return {
    status: 405,
    code: "METHOD_NOT_ALLOWED",
    message: `${route.path} takes ${route.methods.join(", ")}, not ${method.toUpperCase()}.`,
    allow: allowed.join(", "),
  };
}
