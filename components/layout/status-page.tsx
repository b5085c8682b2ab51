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
