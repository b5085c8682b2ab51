import * as React from "react";

import { cn } from "@/lib/utils";

const BUTTON =
  "inline-flex items-center justify-center gap-2 rounded-md text-sm font-medium whitespace-nowrap transition-colors disabled:pointer-events-none disabled:opacity-50 [&_svg]:size-4 [&_svg]:shrink-0";

const BUTTON_VARIANTS = {
  primary: "bg-accent text-white shadow-sm hover:bg-accent-hover",
  secondary: "border border-border-strong bg-surface text-fg shadow-xs hover:bg-surface-muted",
  ghost: "text-muted hover:bg-surface-muted hover:text-fg",
  danger: "bg-danger text-white shadow-sm hover:bg-danger/90",
  /** Secondary's frame with a red label: removing, revoking, rejecting. */
  "secondary-danger":
    "border border-border-strong bg-surface text-danger shadow-xs hover:bg-surface-muted",
};

const BUTTON_SIZES = { sm: "h-8 px-3", md: "h-9 px-4", lg: "h-10 px-5", icon: "size-9" };

export type ButtonVariants = {
  variant?: keyof typeof BUTTON_VARIANTS | null;
  size?: keyof typeof BUTTON_SIZES | null;
};

/** A button's classes (also for a link that looks like one): primary and medium unless told. */
export function buttonVariants({ variant, size }: ButtonVariants = {}): string {
  return cn(BUTTON, BUTTON_VARIANTS[variant ?? "primary"], BUTTON_SIZES[size ?? "md"]);
}

/** A button; for a link that looks like one, `ButtonLink`. */
export function Button({
  className,
  variant,
  size,
  ...props
}: React.ComponentProps<"button"> & ButtonVariants) {
  // A plain button, unless it says it submits: buttons inside forms must not submit by accident.
  return (
    <button type="button" className={cn(buttonVariants({ variant, size }), className)} {...props} />
  );
}
