import { AlertCircle, AlertTriangle, CheckCircle2, Info, type LucideIcon } from "lucide-react";

import { cn } from "@/lib/utils";

const ALERT_TONES = {
  danger: "border-danger/25 bg-danger-soft text-danger",
  success: "border-success/25 bg-success-soft text-success",
  warning: "border-warning/30 bg-warning-soft text-warning",
  info: "border-accent/20 bg-accent-soft text-accent",
  neutral: "border-border bg-surface-muted text-fg",
};

type AlertTone = keyof typeof ALERT_TONES;

const ICONS: Record<AlertTone, LucideIcon> = {
  danger: AlertCircle,
  success: CheckCircle2,
  warning: AlertTriangle,
  info: Info,
  neutral: Info,
};

type AlertProps = React.ComponentProps<"div"> & {
  tone?: AlertTone | null;
  /** An icon of its own, or `false` for none; by default the tone's. */
  icon?: LucideIcon | false;
};

/**
 * The box of an Alert with the icon it is given and none other. Client components use it (with
 * their tone's icon) so that they do not ship every tone's icon; server components use Alert.
 */
export function AlertBox({
  tone,
  icon: Icon,
  className,
  children,
  ...props
}: Omit<AlertProps, "icon"> & { icon: LucideIcon | null }) {
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

/** A message in a coloured box: an error, a success, a warning or a note. The caller sets the role. */
export function Alert({ tone, icon, ...props }: AlertProps) {
  return (
    <AlertBox
      tone={tone}
      icon={icon === false ? null : (icon ?? ICONS[tone ?? "info"])}
      {...props}
    />
  );
}
