import { Layers, List } from "lucide-react";
import Link from "next/link";

import type { Grouping } from "@/lib/domain/grouping";

import { hrefWith } from "../releases/release-filters";
import { pillClassName } from "../ui/pill";

const OPTIONS = [
  { value: undefined, label: "One list", icon: List },
  { value: "product", label: "By product", icon: Layers },
] as const;

/** Rows in one list or grouped by product (`group=product`), as links that keep the other parameters. */
export function GroupToggle({
  basePath,
  params,
  group,
}: {
  basePath: string;
  params: Record<string, string | undefined>;
  group: Grouping;
}) {
  return (
    <nav
      aria-label="Grouping"
      className="inline-flex rounded-md border border-border-strong bg-surface p-0.5 shadow-xs"
    >
      {OPTIONS.map((option) => {
        const isActive = group === option.value;
        return (
          <Link
            key={option.label}
            href={hrefWith(basePath, { ...params, group: option.value })}
            aria-current={isActive ? "page" : undefined}
            className={`flex items-center gap-1.5 [&_svg]:size-3.5 ${pillClassName(isActive)}`}
          >
            <option.icon aria-hidden />
            {option.label}
          </Link>
        );
      })}
    </nav>
  );
}
