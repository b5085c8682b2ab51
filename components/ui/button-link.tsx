import Link from "next/link";

import { cn } from "@/lib/utils";

import { type ButtonVariants, buttonVariants } from "./button";

/** A link that looks like a button: for going somewhere (to a form, back to a list). */
export function ButtonLink({
  className,
  variant,
  size,
  ...props
}: React.ComponentProps<typeof Link> & ButtonVariants) {
  return <Link className={cn(buttonVariants({ variant, size }), className)} {...props} />;
}
