import * as React from "react";

import { cn } from "@/lib/utils";

const BADGE_TONES = {
  neutral: "border-border bg-surface-muted text-muted",
  info: "border-accent/20 bg-accent-soft text-accent",
  success: "border-success/20 bg-success-soft text-success",
  warning: "border-warning/25 bg-warning-soft text-warning",
  danger: "border-danger/25 bg-danger-soft text-danger",
  outline: "border-border-strong bg-surface text-fg",
};

type BadgeProps = React.ComponentProps<"span"> & { tone?: keyof typeof BADGE_TONES | null };

export function Badge({ className, tone, ...props }: BadgeProps) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap [&_svg]:size-3",
        BADGE_TONES[tone ?? "neutral"],
        className,
      )}
      {...props}
    />
  );
}
