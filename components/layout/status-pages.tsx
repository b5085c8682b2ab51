import Link from "next/link";

import { StatusPage } from "./status-page";

// Apart from StatusPage: the error page (client code on every page) shows a StatusPage without
// loading next/link.

const backToReleases = (
  <Link href="/" className="text-sm font-medium text-accent hover:underline">
    Back to the releases
  </Link>
);

/** A page that does not exist (404): unknown addresses, and a release or product that is not there. */
export function NotFoundStatus({ inApp = false }: { inApp?: boolean }) {
  return (
    <StatusPage
      code="404"
      title="Page not found"
      description="This page does not exist, or the release it showed was removed."
      action={backToReleases}
      inApp={inApp}
    />
  );
}

/** A page the person's role does not include (403). */
export function ForbiddenStatus({ inApp = false }: { inApp?: boolean }) {
  return (
    <StatusPage
      code="403"
      title="You don't have access to this page"
      description="Your role does not include this. If you need it, ask an administrator to change your role."
      action={backToReleases}
      inApp={inApp}
    />
  );
}
