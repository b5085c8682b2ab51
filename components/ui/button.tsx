import { cva, type VariantProps } from "class-variance-authority";
import * as React from "react";

import { cn } from "@/lib/utils";

export const buttonVariants = cva(
  "inline-flex items-center justify-center gap-2 rounded-md text-sm font-medium whitespace-nowrap transition-colors disabled:pointer-events-none disabled:opacity-50 [&_svg]:size-4 [&_svg]:shrink-0",
  {
    variants: {
      variant: {
        primary: "bg-accent text-white shadow-sm hover:bg-accent-hover",
        secondary:
          "border border-border-strong bg-surface text-fg shadow-xs hover:bg-surface-muted",
        ghost: "text-muted hover:bg-surface-muted hover:text-fg",
        danger: "bg-danger text-white shadow-sm hover:bg-danger/90",
        /** Secondary's frame with a red label: removing, revoking, rejecting. */
        "secondary-danger":
          "border border-border-strong bg-surface text-danger shadow-xs hover:bg-surface-muted",
      },
      size: {
        sm: "h-8 px-3",
        md: "h-9 px-4",
        lg: "h-10 px-5",
        icon: "size-9",
      },
    },
    defaultVariants: { variant: "primary", size: "md" },
  },
);

export type ButtonVariants = VariantProps<typeof buttonVariants>;

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
