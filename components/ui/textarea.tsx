import * as React from "react";

import { cn } from "@/lib/utils";

import { type FieldText, fieldVariants, fieldWidth } from "./input";

export function Textarea({
  className,
  text,
  ...props
}: React.ComponentProps<"textarea"> & { text?: FieldText | null }) {
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
