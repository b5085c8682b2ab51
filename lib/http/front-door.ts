// What every request meets before any route: the security headers of every response, the content
// security policy of pages (a fresh nonce per request, so no inline script runs without it), the
// refusal of cookie-authenticated writes from other sites, and the body size limit. Pure, so that
// proxy.ts stays small and the rules can be tested on their own.

/** Request bodies over this are refused with 413 before any route reads them. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The policy of a page: scripts only with this request's nonce (and what they load), no framing. */
export function pageContentSecurityPolicy(nonce: string, options: { isDev: boolean }): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonced ones load run too (Next.js chunks); dev's refresh needs eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.isDev ? " 'unsafe-eval'" : ""}`,
    // React and Tailwind set style attributes; they cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The policy of an API answer: it is data, never a document to run or frame. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Headers every response carries, pages and API alike. */
export function securityHeaders(isHttps: boolean): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
    ...(isHttps && { "strict-transport-security": "max-age=63072000; includeSubDomains" }),
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

type RequestFacts = {
  method: string;
  headers: Headers;
  /** The app's own origin: the configured public URL, else the one the request was sent to. */
  appOrigin: string;
};

export type Refusal = {
  status: number;
  code: "CROSS_ORIGIN" | "PAYLOAD_TOO_LARGE";
  message: string;
};

/**
 * Why an API request is refused before it reaches a route, or null. A write that relies on the
 * session cookie (no Bearer token) must come from the app's own pages: an `Origin` of another site,
 * or without one a `Sec-Fetch-Site: cross-site`, is refused (login and action CSRF). Bodies over
 * MAX_BODY_BYTES are refused as well.
 */
export function apiRefusal({ method, headers, appOrigin }: RequestFacts): Refusal | null {
  const length = Number(headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) {
    return {
      status: 413,
      code: "PAYLOAD_TOO_LARGE",
      message: `The request body is over the limit of ${MAX_BODY_BYTES / 1024 / 1024} MB.`,
    };
  }
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  if (/^Bearer\s/i.test(headers.get("authorization") ?? "")) return null;
  const origin = headers.get("origin");
  const isForeign = origin ? origin !== appOrigin : headers.get("sec-fetch-site") === "cross-site";
  if (!isForeign) return null;
  return {
    status: 403,
    code: "CROSS_ORIGIN",
    message:
      "This request comes from another site; only the app's own pages may change data with your session.",
  };
}
