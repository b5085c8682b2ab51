/** A link among a few choices (a zoom, a grouping, a status filter): the chosen one tinted. */
export function pillClassName(isCurrent: boolean): string {
  return `rounded px-3 py-1 text-sm font-medium ${isCurrent ? "bg-accent-soft text-accent" : "text-muted hover:text-fg"}`;
}
