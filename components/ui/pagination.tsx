import { ArrowDown, ArrowUp, ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";

import { cn } from "@/lib/utils";

/** "Showing 51–100 of 9,812", previous and next: pages of a list cut by the server. */
export function Pagination({
  page,
  pageCount,
  pageSize,
  total,
  hrefFor,
  noun,
  label = "Pages",
}: {
  page: number;
  pageCount: number;
  pageSize: number;
  total: number;
  hrefFor: (page: number) => string;
  noun: string;
  /** The navigation's name, when a page has more than one list. */
  label?: string;
}) {
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const step = (target: number, label: string, icon: React.ReactNode, rel: "prev" | "next") => {
    const isOff = target < 1 || target > pageCount;
    const className = cn(
      "inline-flex h-8 items-center gap-1 rounded-md border border-border px-2.5 text-sm font-medium",
      isOff ? "cursor-not-allowed text-subtle" : "text-fg hover:bg-surface-muted",
    );
    return isOff ? (
      <span aria-disabled className={className}>
        {rel === "prev" && icon}
        {label}
        {rel === "next" && icon}
      </span>
    ) : (
      <Link href={hrefFor(target)} rel={rel} className={className}>
        {rel === "prev" && icon}
        {label}
        {rel === "next" && icon}
      </Link>
    );
  };
  return (
    <nav
      aria-label={label}
      className="flex flex-wrap items-center justify-between gap-3 text-sm text-muted"
    >
      <p className="tabular">
        Showing {first.toLocaleString("en-GB")}–{last.toLocaleString("en-GB")} of{" "}
        {total.toLocaleString("en-GB")} {noun}
      </p>
      <div className="flex items-center gap-2">
        {step(page - 1, "Previous", <ChevronLeft aria-hidden className="size-4" />, "prev")}
        <span className="px-1 tabular" aria-current="page">
          Page {page.toLocaleString("en-GB")} of {pageCount.toLocaleString("en-GB")}
        </span>
        {step(page + 1, "Next", <ChevronRight aria-hidden className="size-4" />, "next")}
      </div>
    </nav>
  );
}

/** A column header that sorts the list by the server: a link, with `aria-sort` when it is the order. */
export function SortHeaderLink({
  label,
  direction,
  href,
}: {
  label: string;
  /** How the list is sorted by this column now, if it is. */
  direction: "ascending" | "descending" | undefined;
  href: string;
}) {
  const Icon = direction === "descending" ? ArrowDown : ArrowUp;
  return (
    <Link
      href={href}
      className="inline-flex items-center gap-1 uppercase hover:text-fg"
      title={`Sort by ${label.toLowerCase()}`}
    >
      {label}
      <Icon aria-hidden className={cn("size-3", !direction && "opacity-30")} />
    </Link>
  );
}
