import "server-only";

/** The public origin for links the app hands out: NEXTAUTH_URL when configured, else the request's. */
export function publicOrigin(request: Request): string {
  const configured = process.env.NEXTAUTH_URL?.trim();
  if (configured) return new URL(configured).origin;
  return new URL(request.url).origin;
}
