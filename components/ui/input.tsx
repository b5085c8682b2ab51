import * as React from "react";

import { cn } from "@/lib/utils";

const FIELD =
  "rounded-md border border-border-strong bg-surface px-3 text-fg shadow-xs placeholder:text-subtle focus-visible:border-accent focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-accent/40 aria-invalid:border-danger disabled:opacity-60";
// The type size first: Tailwind's text sizes carry a line height that `leading-*` overrides.
const FIELD_TEXT = { sm: "text-sm", xs: "text-xs", code: "font-mono text-[0.8125rem]" };
const FIELD_SIZES = { md: "h-9", sm: "h-8", multiline: "h-auto min-h-20 py-2 leading-relaxed" };

export type FieldText = keyof typeof FIELD_TEXT;

/** A form field's frame; its height and type size are variants, its width the caller's. */
export function fieldVariants({
  fieldSize,
  text,
}: {
  fieldSize?: keyof typeof FIELD_SIZES | null;
  text?: FieldText | null;
}): string {
  return cn(FIELD, FIELD_TEXT[text ?? "sm"], FIELD_SIZES[fieldSize ?? "md"]);
}

/** Fields fill their container unless the caller gives a width (`w-44`, `max-w-…` still fills). */
export function fieldWidth(className: string | undefined): string | false {
  return !/(^|\s)w-/.test(className ?? "") && "w-full";
}

type FieldProps = { text?: FieldText | null; fieldSize?: "md" | "sm" };

export function Input({
  className,
  fieldSize,
  text,
  ...props
}: React.ComponentProps<"input"> & FieldProps) {
  return (
    <input
      className={cn(fieldVariants({ fieldSize, text }), fieldWidth(className), className)}
      {...props}
    />
  );
}

export function Select({
  className,
  fieldSize,
  text,
  ...props
}: React.ComponentProps<"select"> & FieldProps) {
  return (
    <select
      className={cn(fieldVariants({ fieldSize, text }), fieldWidth(className), "pr-8", className)}
      {...props}
    />
  );
}

export function Label({ className, ...props }: React.ComponentProps<"label">) {
  return <label className={cn("text-sm font-medium text-fg", className)} {...props} />;
}

export function FieldError({ id, children }: { id: string; children?: React.ReactNode }) {
  if (!children) return null;
  return (
    <p id={id} className="text-sm text-danger">
      {children}
    </p>
  );
}
