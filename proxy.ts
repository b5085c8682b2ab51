// Every request passes here first (Next.js' proxy): the security headers, a fresh content
// security policy nonce for each page, the front door of the API (cross-site writes and oversized
// bodies refused, lib/http/front-door.ts), and anonymous page visits sent to the sign-in page.
// It only refuses and redirects: every page and API route checks the user again.
import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";

import { isWellEncoded, routeRefusal } from "@/lib/http/api-routes";
import {
  API_CONTENT_SECURITY_POLICY,
  apiRefusal,
  pageContentSecurityPolicy,
  securityHeaders,
} from "@/lib/http/front-door";

/** Pages anyone may open. */
const PUBLIC_PAGES = ["/signin", "/set-password"];

function appOrigin(request: NextRequest): string {
  // The proxy runs before the app's modules: it reads the one setting it needs itself.
  const configured = process.env.NEXTAUTH_URL?.trim();
  if (configured) return new URL(configured).origin;
  // The host the browser addressed (nextUrl may name the server's own hostname instead).
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const protocol =
    request.headers.get("x-forwarded-proto") ?? request.nextUrl.protocol.replace(":", "");
  return host ? `${protocol}://${host}` : request.nextUrl.origin;
}

function isHttps(request: NextRequest): boolean {
  return (
    request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https"
  );
}

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  const common = securityHeaders(isHttps(request));

  if (pathname.startsWith("/api/")) {
    const apiHeaders = { ...common, "content-security-policy": API_CONTENT_SECURITY_POLICY };
    const refusal = apiRefusal({
      method: request.method,
      headers: request.headers,
      appOrigin: appOrigin(request),
    });
    if (refusal) {
      const body = { error: { code: refusal.code, message: refusal.message } };
      return withHeaders(NextResponse.json(body, { status: refusal.status }), apiHeaders);
    }
    // An unknown path or method gets the error envelope, not Next's HTML page or an empty 405.
    const unrouted = routeRefusal(request.method, pathname);
    if (unrouted) {
      const body = { error: { code: unrouted.code, message: unrouted.message } };
      const response = NextResponse.json(body, { status: unrouted.status });
      return withHeaders(response, {
        ...apiHeaders,
        ...(unrouted.allow && { allow: unrouted.allow }),
      });
    }
    return withHeaders(NextResponse.next(), apiHeaders);
  }

  // A path that does not decode names no page (Next.js would answer it with a 500).
  if (!isWellEncoded(pathname)) {
    return withHeaders(new NextResponse("Not found", { status: 404 }), common);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = pageContentSecurityPolicy(nonce, {
    isDev: process.env.NODE_ENV === "development",
  });
  const pageHeaders = { ...common, "content-security-policy": policy };

  const isPublic = PUBLIC_PAGES.some(
    (page) => pathname === page || pathname.startsWith(`${page}/`),
  );
  if (!isPublic) {
    const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET });
    if (!token) {
      const signIn = new URL("/signin", request.url);
      signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
      return withHeaders(NextResponse.redirect(signIn), pageHeaders);
    }
  }
  // Next.js reads the nonce from the request's policy and puts it on the scripts it renders.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  requestHeaders.set("x-nonce", nonce);
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), pageHeaders);
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|icon\\.svg).*)"],
};
