import Link from "next/link";

import { Logo } from "./logo";

export function StatusPage({
  code,
  title,
  description,
  action,
  detail,
  inApp = false,
}: {
  code: string;
  title: string;
  description: string;
  action?: React.ReactNode;
  /** Small print under the description (e.g. an error reference). */
  detail?: React.ReactNode;
  /** Shown inside the signed-in layout, whose <main> it then sits in (no landmark of its own). */
  inApp?: boolean;
}) {
  const Landmark = inApp ? "div" : "main";
  return (
    <Landmark className="flex min-h-[70vh] flex-col items-center justify-center px-4 text-center">
      <Logo className="size-10" />
      <p className="mt-6 text-sm font-semibold text-accent">{code}</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight text-fg">{title}</h1>
      <p className="mt-2 max-w-md text-sm text-muted">{description}</p>
      {detail && <div className="mt-3">{detail}</div>}
      {action && <div className="mt-6">{action}</div>}
    </Landmark>
  );
}

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
