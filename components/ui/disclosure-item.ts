// Shared by the menus the server renders and those the browser does.

/** An item of the panel: a link or a button, marked `data-menu-item` for the arrow keys. */
export function disclosureItemClassName(isCurrent = false): string {
  return `flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left hover:bg-surface-muted focus-visible:bg-surface-muted focus-visible:outline-none [&_svg]:size-4 [&_svg]:text-muted ${isCurrent ? "font-medium text-accent" : "text-fg"}`;
}
