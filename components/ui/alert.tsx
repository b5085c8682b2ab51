import { AlertCircle, AlertTriangle, CheckCircle2, Info, type LucideIcon } from "lucide-react";

import { AlertBox, type AlertTone } from "./alert-box";

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
 * A message in a coloured box: an error, a success, a warning or a note. The caller sets the role.
 * Client components use AlertBox with their tone's icon instead, so as not to ship every tone's icon.
 */
export function Alert({ tone, icon, ...props }: AlertProps) {
  return (
    <AlertBox
      tone={tone}
      icon={icon === false ? null : (icon ?? ICONS[tone ?? "info"])}
      {...props}
    />
  );
}
