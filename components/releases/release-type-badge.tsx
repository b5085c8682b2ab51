import { Package, Wrench } from "lucide-react";

import type { ReleaseType } from "@/lib/domain/stages";

export function ReleaseTypeLabel({ type }: { type: ReleaseType }) {
  const Icon = type === "PATCH" ? Wrench : Package;
  return (
    <span className="inline-flex items-center gap-1.5 text-xs font-medium text-muted">
      <Icon aria-hidden className="size-3.5" />
      {type === "PATCH" ? "Patch" : "Release"}
    </span>
  );
}
