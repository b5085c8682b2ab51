import { cn } from "@/lib/utils";

export function Skeleton({
  className,
  style,
  square = false,
}: {
  className?: string;
  /** Square corners, for rows that stack into a table. */
  square?: boolean;
  style?: React.CSSProperties;
}) {
  return (
    <div
      aria-hidden
      style={style}
      className={cn("animate-pulse bg-border/70", !square && "rounded-md", className)}
    />
  );
}
