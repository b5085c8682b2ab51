import Link from "next/link";

/**
 * The line under a cut view: how many more releases there are here, and how to see them (more rows,
 * or a narrower view). Busy views draw their first rows only (lib/domain/dense.ts).
 */
export function MoreRows({
  hidden,
  where,
  href,
  action,
}: {
  hidden: number;
  /** e.g. "in this window", "in Billing API". */
  where: string;
  href?: string;
  action?: string;
}) {
  if (hidden <= 0) return null;
  return (
    <p
      data-testid="more-rows"
      className="relative z-10 border-b border-border bg-surface-muted/70 px-3 py-1.5 text-xs text-muted"
    >
      <span className="font-semibold text-fg tabular">{hidden.toLocaleString("en-GB")} more</span>{" "}
      {hidden === 1 ? "release" : "releases"} {where}
      {href && (
        <>
          {" · "}
          <Link href={href} className="font-medium text-accent hover:underline">
            {action ?? "Show them"}
          </Link>
        </>
      )}
      {" · or narrow the view with the filters."}
    </p>
  );
}
