import { Check, X } from "lucide-react";
import type { CSSProperties } from "react";

import { STAGE_STATUS_NAMES, type StageKey, type StageStatus } from "@/lib/domain/stages";
import { cn } from "@/lib/utils";

import { STAGE_COLOR, STAGE_ON_COLOR } from "./stage-style";

type StageChipProps = {
  stageKey: StageKey;
  status: StageStatus;
  size?: "sm" | "md";
  className?: string;
};

/**
 * A stage as a small chip: signed off = filled with a check; active = filled with a strong outline;
 * pending = tinted; rejected = red outline with a cross. The key is always written, never colour alone.
 */
export function StageChip({ stageKey, status, size = "sm", className }: StageChipProps) {
  const style = {
    "--chip": STAGE_COLOR[stageKey],
    "--chip-on": STAGE_ON_COLOR[stageKey],
  } as CSSProperties;
  return (
    <span
      style={style}
      data-stage={stageKey}
      data-status={status}
      className={cn(
        "inline-flex items-center justify-center gap-0.5 rounded font-semibold tracking-wide whitespace-nowrap",
        size === "sm" ? "h-5 min-w-[3.25rem] px-1.5 text-[10px]" : "h-6 min-w-16 px-2 text-[11px]",
        status === "SIGNED_OFF" && "bg-(--chip) text-(--chip-on)",
        status === "ACTIVE" &&
          "bg-(--chip) text-(--chip-on) ring-2 ring-fg ring-offset-1 ring-offset-surface",
        status === "PENDING" &&
          "border border-dashed border-(--chip) bg-[color-mix(in_srgb,var(--chip)_14%,white)] text-fg",
        status === "REJECTED" && "border-2 border-danger bg-danger-soft text-danger",
        className,
      )}
    >
      {status === "SIGNED_OFF" && <Check aria-hidden className="size-3 stroke-3" />}
      {status === "REJECTED" && <X aria-hidden className="size-3 stroke-3" />}
      {stageKey}
      <span className="sr-only"> {STAGE_STATUS_NAMES[status]}</span>
    </span>
  );
}
