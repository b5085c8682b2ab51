import type { LucideIcon } from "lucide-react";

import { cn } from "@/lib/utils";

const ALERT_TONES = {
  danger: "border-danger/25 bg-danger-soft text-danger",
  success: "border-success/25 bg-success-soft text-success",
  warning: "border-warning/30 bg-warning-soft text-warning",
  info: "border-accent/20 bg-accent-soft text-accent",
  neutral: "border-border bg-surface-muted text-fg",
};

export type AlertTone = keyof typeof ALERT_TONES;

/**
 * A message in a coloured box with the icon it is given and none other (Alert picks the tone's).
 * Client components use it with their tone's icon, so as not to ship every tone's icon.
 */
export function AlertBox({
  tone,
  icon: Icon,
  className,
  children,
  ...props
}: React.ComponentProps<"div"> & { tone?: AlertTone | null; icon: LucideIcon | null }) {
  return (
    <div
      className={cn(
        "flex items-start gap-2 rounded-md border px-3 py-2 text-sm",
        ALERT_TONES[tone ?? "info"],
        className,
      )}
      {...props}
    >
      {Icon && <Icon aria-hidden className="mt-0.5 size-4 shrink-0" />}
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
