import type { VariantProps } from "class-variance-authority";
import * as React from "react";

import { cn } from "@/lib/utils";

import { fieldVariants, fieldWidth } from "./input";

export function Textarea({
  className,
  text,
  ...props
}: React.ComponentProps<"textarea"> & Pick<VariantProps<typeof fieldVariants>, "text">) {
  return (
    <textarea
      className={cn(
        fieldVariants({ fieldSize: "multiline", text }),
        fieldWidth(className),
        className,
      )}
      {...props}
    />
  );
}
