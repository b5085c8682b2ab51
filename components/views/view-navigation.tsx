import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";

import { hrefWith } from "../releases/release-filters";
import { buttonVariants } from "../ui/button";
import { pillClassName } from "../ui/pill";

/** Zoom (or view) switch plus previous / today / next, all as links that keep the filters. */
export function ViewNavigation({
  basePath,
  params,
  options,
  current,
  previous,
  next,
  label,
  earlierLabel = "Earlier",
  laterLabel = "Later",
}: {
  basePath: string;
  params: Record<string, string | undefined>;
  options?: { key: string; value: string; label: string }[];
  current?: string;
  previous: Record<string, string | undefined>;
  next: Record<string, string | undefined>;
  label: string;
  earlierLabel?: string;
  laterLabel?: string;
}) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      {options && (
        <nav
          aria-label="Zoom"
          className="inline-flex rounded-md border border-border-strong bg-surface p-0.5 shadow-xs"
        >
          {options.map((option) => (
            <Link
              key={option.value}
              href={hrefWith(basePath, {
                ...params,
                [option.key]: option.value,
                from: undefined,
                month: undefined,
              })}
              aria-current={current === option.value ? "page" : undefined}
              className={pillClassName(current === option.value)}
            >
              {option.label}
            </Link>
          ))}
        </nav>
      )}
      <div className="flex items-center gap-1">
        <Link
          href={hrefWith(basePath, { ...params, ...previous })}
          className={buttonVariants({ variant: "secondary", size: "icon" })}
          aria-label={earlierLabel}
        >
          <ChevronLeft aria-hidden />
        </Link>
        <Link
          href={hrefWith(basePath, { ...params, from: undefined, month: undefined })}
          className={buttonVariants({ variant: "secondary", size: "md" })}
        >
          Today
        </Link>
        <Link
          href={hrefWith(basePath, { ...params, ...next })}
          className={buttonVariants({ variant: "secondary", size: "icon" })}
          aria-label={laterLabel}
        >
          <ChevronRight aria-hidden />
        </Link>
      </div>
      <p className="text-sm font-medium text-fg tabular" aria-live="polite">
        {label}
      </p>
    </div>
  );
}
